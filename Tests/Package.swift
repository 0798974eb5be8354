// swift-tools-version:6.0
// Cross-package tests. This package depends on every library and service by path, so one build folder
// (Tests/.build) compiles each shared dependency once for all of them: `make build` builds the four service
// executables and `mesh` here, and `make test` runs the end-to-end tests against those real processes.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshTests",
    dependencies: [
        .package(path: "../Packages/MeshProtocol"),
        .package(path: "../Packages/MeshRedis"),
        .package(path: "../Packages/MeshAgents"),
        .package(path: "../Packages/MeshService"),
        .package(path: "../Services/Producer"),
        .package(path: "../Services/Coordinator"),
        .package(path: "../Services/Specialist"),
        .package(path: "../Services/Aggregator"),
        .package(path: "../Services/Mesh"),
    ],
    targets: [
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                .product(name: "MeshService", package: "MeshService"),
                .product(name: "mesh-producer", package: "Producer"),
                .product(name: "mesh-coordinator", package: "Coordinator"),
                .product(name: "mesh-specialist", package: "Specialist"),
                .product(name: "mesh-aggregator", package: "Aggregator"),
                .product(name: "mesh", package: "Mesh"),
                .product(name: "MeshCLI", package: "Mesh"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
            ],
            path: "EndToEndTests",
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        )
    ]
)
