// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// `mesh`: the command people use. For writers and CI (`mesh review`, `mesh fix`, `mesh rules`, `mesh explain`)
// and for operators (`mesh status`, `mesh deadletters`). Not a service: its image has no health endpoint.
let package = Package(
    name: "Mesh",
    products: [
        .executable(name: "mesh", targets: ["mesh"]),
        .library(name: "MeshCLI", targets: ["MeshCLI"]),
    ],
    dependencies: [
        .package(path: "../../Packages/MeshProtocol"),
        .package(path: "../../Packages/MeshRedis"),
        .package(path: "../../Packages/MeshAgents"),
        .package(path: "../../Packages/MeshService"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // What `mesh` decides without I/O to Redis: paths, ignore rules, changed lines, fix application.
        .target(
            name: "MeshCLI",
            dependencies: [
                .product(name: "MeshProtocol", package: "MeshProtocol")
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mesh",
            dependencies: [
                "MeshCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshDocument", package: "MeshAgents"),
                .product(name: "MeshText", package: "MeshAgents"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
                .product(name: "MeshSubmission", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
