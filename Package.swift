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
    ],
    targets: [
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "KnowledgeGraph"),
        .target(name: "Morphology"),
        .target(name: "RussianText", dependencies: ["Morphology"]),
        .target(name: "Rendering", dependencies: ["CGraphviz", "KnowledgeGraph"]),
        .executableTarget(name: "twingraph", dependencies: [
            "KnowledgeGraph", "Rendering", "Morphology", "RussianText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "KnowledgeGraph"]),
        .testTarget(name: "MorphologyTests", dependencies: ["Morphology"]),
        .testTarget(name: "RussianTextTests", dependencies: ["RussianText", "Morphology"]),
        .testTarget(name: "twingraphTests", dependencies: ["KnowledgeGraph"]),
    ]
)
