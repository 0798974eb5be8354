// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Aggregator",
    products: [
        .executable(name: "mesh-aggregator", targets: ["mesh-aggregator"]),
        // The handler, apart from the main, so the repository's root package (Tests/) can test it.
        .library(name: "AggregatorHandler", targets: ["AggregatorHandler"]),
    ],
    dependencies: [
        .package(path: "../../Packages/MeshProtocol"),
        .package(path: "../../Packages/MeshRedis"),
        .package(path: "../../Packages/MeshAgents"),
        .package(path: "../../Packages/MeshService"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "AggregatorHandler",
            dependencies: [
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshText", package: "MeshAgents"),
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mesh-aggregator",
            dependencies: [
                "AggregatorHandler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshText", package: "MeshAgents"),
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        ),
        // The handler without Redis: decisions checked against a stand-in (StubRedis); end to end in Tests/.
        .testTarget(
            name: "AggregatorTests",
            dependencies: [
                .target(name: "AggregatorHandler"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
