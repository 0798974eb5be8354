// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshAgents",
    products: [
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
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "mesh-agents", dependencies: ["MeshAgents", "MeshDocument"], swiftSettings: swiftSettings),
        .testTarget(name: "MeshDocumentTests", dependencies: ["MeshDocument"], swiftSettings: swiftSettings),
        .testTarget(name: "MeshAgentsTests", dependencies: ["MeshAgents", "MeshDocument"], swiftSettings: swiftSettings),
    ]
)
