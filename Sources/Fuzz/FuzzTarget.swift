import Foundation

/// The fuzz entry points. Each one feeds the bytes libFuzzer makes to one stage and checks
/// what must hold for any input (besides not crashing, which the sanitizer checks).
enum FuzzTarget: String, CaseIterable {
    case decoder, segmenter, extractor, graphjson, dot, docx, pdf, html

    nonisolated(unsafe) static var current = FuzzTarget.decoder

    /// Loads what the target needs once per process (the extractor's dictionary and models).
    func prepare() {
        if self == .extractor { ExtractorTarget.load() }
    }

    func run(_ data: Data) {
        switch self {
        case .decoder: DecoderTarget.run(data)
        case .segmenter: SegmenterTarget.run(data)
        case .extractor: ExtractorTarget.run(data)
        case .graphjson: GraphJSONTarget.run(data)
        case .dot: DOTTarget.run(data)
        case .docx: DocumentReaderTarget.run(data, fileName: "fuzz.docx")
        case .pdf: DocumentReaderTarget.run(data, fileName: "fuzz.pdf")
        case .html: DocumentReaderTarget.run(data, fileName: "fuzz.html")
        }
    }
}

/// Stops the process with `message` when a property fails: libFuzzer saves the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data(("property failed: " + message() + "\n").utf8))
        abort()
    }
}

/// The input read as UTF-8, ill-formed sequences as U+FFFD (what the text stages are given).
func lossyText(_ data: Data) -> String {
    String(decoding: data, as: UTF8.self)
}
