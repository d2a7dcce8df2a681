#include <gsf/gsf-utils.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-msole.h>

// GsfInfile is a GsfInput: a cast Swift cannot write.
static inline GsfInput *twingraph_gsf_infile_as_input(GsfInfile *f) { return GSF_INPUT(f); }
