import CGSF
import Foundation

/// Word 97–2003 (.doc): libgsf opens the OLE2 container; `WordBinaryText` reads the text of
/// its WordDocument and table streams through the piece table.
enum DocReader {
    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        let streams: (word: Data, tables: [String: Data])
        do {
            streams = try OLEContainer.streams(data, names: ["WordDocument", "0Table", "1Table", SummaryInformation.streamName])
        } catch {
            throw .damaged(path: path, format: .doc, reason: error.reason)
        }
        guard !streams.word.isEmpty else {
            throw .damaged(path: path, format: .doc, reason: "it has no WordDocument stream")
        }
        do {
            let text = try WordBinaryText.text(wordDocument: streams.word, tables: streams.tables)
            let title = streams.tables[SummaryInformation.streamName].flatMap { SummaryInformation.title([UInt8]($0)) }
            return ReadDocument(format: .doc, text: text, titleProperty: title)
        } catch {
            throw .damaged(path: path, format: .doc, reason: error.reason)
        }
    }
}

/// Why a Word binary file could not be read.
struct WordBinaryError: Error {
    var reason: String
}

/// The streams of an OLE2 compound file, through libgsf.
enum OLEContainer {
    /// The named streams' bytes: the first (the WordDocument stream) apart, the others by name
    /// when they exist ("0Table" or "1Table", the summary information).
    static func streams(_ data: Data, names: [String]) throws(WordBinaryError) -> (word: Data, tables: [String: Data]) {
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(WordBinaryError) -> (word: Data, tables: [String: Data]) in
            guard let base = buffer.baseAddress,
                  let input = gsf_input_memory_new(base, gsf_off_t(buffer.count), 0) else {
                throw WordBinaryError(reason: "its bytes cannot be opened")
            }
            defer { g_object_unref(UnsafeMutableRawPointer(input)) }
            var error: UnsafeMutablePointer<GError>?
            guard let infile = gsf_infile_msole_new(input, &error) else {
                var reason = "not an OLE2 compound file"
                if let error { if let m = error.pointee.message { reason += ": " + String(cString: m) }; g_error_free(error) }
                throw WordBinaryError(reason: reason)
            }
            defer { g_object_unref(UnsafeMutableRawPointer(infile)) }
            var word = Data()
            var tables: [String: Data] = [:]
            for name in names {
                guard let child = gsf_infile_child_by_name(infile, name) else { continue }
                defer { g_object_unref(UnsafeMutableRawPointer(child)) }
                let size = Int(gsf_input_size(child))
                var out = Data(count: size)
                let ok = out.withUnsafeMutableBytes { raw -> Bool in
                    guard size > 0, let p = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return size == 0 }
                    return gsf_input_read(child, size, p) != nil
                }
                guard ok else { throw WordBinaryError(reason: "its \(name) stream cannot be read") }
                if name == names[0] { word = out } else { tables[name] = out }
            }
            return (word, tables)
        }
    }
}
