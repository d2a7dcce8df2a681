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
    ],
    targets: [
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "KnowledgeGraph"),
        // Parsing: Natasha's slovnet models (navec, NER, morphology, syntax); zlib for the gzip vocabularies.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Parsing", dependencies: ["CZlib", "CKernels"]),
        .target(name: "Morphology"),
        .target(name: "RussianText", dependencies: ["Morphology"]),
        .target(name: "Gazetteer", resources: [.copy("Resources")]),
        .target(name: "Extraction", dependencies: ["KnowledgeGraph", "Morphology", "RussianText", "Gazetteer"]),
        .target(name: "Rendering", dependencies: ["CGraphviz", "KnowledgeGraph"]),
        .target(name: "Reports", dependencies: ["KnowledgeGraph", "Rendering"]),
        .target(name: "GraphStore", dependencies: [
            "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "twingraph", dependencies: [
            "KnowledgeGraph", "Morphology", "RussianText", "Gazetteer", "Extraction", "Rendering", "Reports",
            "GraphStore", "Parsing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "MorphologyTests", dependencies: ["Morphology"]),
        .testTarget(name: "RussianTextTests", dependencies: ["RussianText", "Morphology"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "KnowledgeGraph", "Gazetteer", "Morphology"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "KnowledgeGraph"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Rendering", "KnowledgeGraph"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GraphStoreTests", dependencies: [
            "GraphStore", "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing"]),
        .testTarget(name: "twingraphTests", dependencies: ["twingraph", "KnowledgeGraph"]),
    ]
)
