// swift-tools-version: 6.1
import PackageDescription

// One target per pipeline stage (see ../shared/DESIGN.md), one test target per library.
let package = Package(
    name: "TwinGraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "twingraph", targets: ["twingraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "KnowledgeGraph"),
        // Documents: file formats to plain text (docx/odt through its own zip reader on zlib and
        // Foundation's XML parser, HTML through libxml2, PDF through poppler-glib, .doc through libgsf, all in-process).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CGSF", pkgConfig: "libgsf-1", providers: [.apt(["libgsf-1-dev"])]),
        .target(name: "Documents", dependencies: [
            "Gazetteer", "CLibXML2", "CPoppler", "CGSF", "CSystemZlib", "ZlibInflate",
        ]),
        // zlib, and inflating a whole stream over it (the models' gzip vocabularies, docx/odt members).
        .systemLibrary(name: "CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ZlibInflate", dependencies: ["CSystemZlib"]),
        // Parsing: Natasha's slovnet models (navec, NER, morphology, syntax).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Parsing", dependencies: ["ZlibInflate", "CKernels"]),
        .target(name: "Morphology"),
        .target(name: "RussianText", dependencies: ["Morphology"]),
        .target(name: "Gazetteer", resources: [.copy("Resources")]),
        .target(name: "Extraction", dependencies: ["Documents", "KnowledgeGraph", "Morphology", "RussianText", "Gazetteer", "Parsing"]),
        .target(name: "Rendering", dependencies: ["CGraphviz", "KnowledgeGraph"], resources: [.copy("Resources")]),
        // Reports: the appendix as PDF for print, laid out with pango on a cairo PDF surface (the
        // libraries Graphviz draws its own PDF with), the diagram embedded as vectors via poppler.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .target(name: "Reports", dependencies: ["KnowledgeGraph", "Rendering", "CPangoCairo", "CPoppler"]),
        .target(name: "GraphStore", dependencies: [
            "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Explorer: `twingraph serve`, read-only HTML pages and /api JSON over one graph.
        .target(name: "Explorer", dependencies: [
            "KnowledgeGraph", "Rendering", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "twingraph", dependencies: [
            "KnowledgeGraph", "Morphology", "RussianText", "Gazetteer", "Extraction", "Rendering", "Reports",
            "GraphStore", "Documents", "Parsing", "Explorer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "MorphologyTests", dependencies: ["Morphology"]),
        .testTarget(name: "RussianTextTests", dependencies: ["RussianText", "Morphology"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Gazetteer", "RussianText"], exclude: ["Fixtures"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "KnowledgeGraph", "Gazetteer", "Morphology", "Documents"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "KnowledgeGraph"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Rendering", "KnowledgeGraph", "CPoppler"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GraphStoreTests", dependencies: [
            "GraphStore", "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing"]),
        .testTarget(name: "ZlibInflateTests", dependencies: ["ZlibInflate", "CSystemZlib"]),
        .testTarget(name: "ExplorerTests", dependencies: [
            "Explorer", "KnowledgeGraph", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "twingraphTests", dependencies: ["twingraph", "KnowledgeGraph"]),
    ]
)

// The libFuzzer entry points (Sources/Fuzz), only when scripts/fuzz.sh asks for them: they link
// only with `-sanitize=fuzzer`, so an ordinary build or test never sees them.
if Context.environment["TWINGRAPH_FUZZ"] == "1" {
    package.products.append(.executable(name: "twingraph-fuzz", targets: ["Fuzz"]))
    package.targets.append(.executableTarget(name: "Fuzz", dependencies: [
        "Documents", "RussianText", "Extraction", "KnowledgeGraph", "Rendering",
    ]))
}
