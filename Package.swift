// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "papergraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PaperGraph", targets: ["PaperGraph"]),
        .executable(name: "papergraph", targets: ["papergraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(
            name: "CICUWords",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        .target(
            name: "PaperGraph",
            dependencies: [
                "CCmark",
                "CGraphviz",
                "CICUWords",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [
                .copy("Schema"),
                .copy("Resources/gazetteer.txt"),
                .copy("Resources/lexicons"),
                .copy("Resources/relation-model.tsv"),
                .copy("Resources/site"),
            ]
        ),
        .executableTarget(
            name: "papergraph",
            dependencies: [
                "PaperGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "papergraph-bench",
            dependencies: ["PaperGraph"]
        ),
        // Fuzzing (`make fuzz`): the checks, and one libFuzzer entry point per target.
        .target(
            name: "PaperGraphFuzz",
            dependencies: ["PaperGraph", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(name: "fuzz-digest", dependencies: ["PaperGraphFuzz"]),
        .executableTarget(name: "fuzz-formats", dependencies: ["PaperGraphFuzz"]),
        .testTarget(
            name: "PaperGraphTests",
            dependencies: ["PaperGraph", "PaperGraphFuzz"],
            exclude: ["Export/read_exports.py", "Site/browse_site.py"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
