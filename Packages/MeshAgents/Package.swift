// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshAgents",
    products: [
        .library(name: "MeshText", targets: ["MeshText"]),
        .library(name: "MeshDocument", targets: ["MeshDocument"]),
        .library(name: "MeshAgents", targets: ["MeshAgents"]),
        .executable(name: "mesh-agents", targets: ["mesh-agents"]),
    ],
    dependencies: [
        .package(path: "../MeshProtocol"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CHunspell", pkgConfig: "hunspell", providers: [.apt(["libhunspell-dev", "hunspell-en-us"])]),
        // The text model (tokens, sentences, counts, readability): no C library, so the aggregator can score
        // readability without linking hunspell or cmark-gfm.
        .target(
            name: "MeshText",
            dependencies: [.product(name: "MeshProtocol", package: "MeshProtocol")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MeshDocument",
            dependencies: [
                "CCmark",
                .product(name: "MeshProtocol", package: "MeshProtocol"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MeshAgents",
            dependencies: [
                "CHunspell",
                "MeshDocument",
                "MeshText",
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The generators of Generated/*.swift live beside what they generate.
            exclude: ["Generated/gen_lexicon.py", "Generated/gen_techterms.py", "Generated/gen_usage.py"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "mesh-agents", dependencies: ["MeshAgents", "MeshDocument", "MeshText"], swiftSettings: swiftSettings),
        .testTarget(name: "MeshDocumentTests", dependencies: ["MeshDocument"], swiftSettings: swiftSettings),
        .testTarget(name: "MeshAgentsTests", dependencies: ["MeshAgents", "MeshDocument", "MeshText"], swiftSettings: swiftSettings),
    ]
)
