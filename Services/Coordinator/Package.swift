// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Coordinator",
    products: [
        .executable(name: "mesh-coordinator", targets: ["mesh-coordinator"]),
        // The handler, apart from the main, so the repository's root package (Tests/) can test it.
        .library(name: "CoordinatorHandler", targets: ["CoordinatorHandler"]),
    ],
    dependencies: [
        .package(path: "../../Packages/MeshProtocol"),
        .package(path: "../../Packages/MeshRedis"),
        .package(path: "../../Packages/MeshService"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "CoordinatorHandler",
            dependencies: [
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mesh-coordinator",
            dependencies: [
                "CoordinatorHandler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        ),
        // The handler without Redis: decisions checked against a stand-in (StubRedis); end to end in Tests/.
        .testTarget(
            name: "CoordinatorTests",
            dependencies: [
                .target(name: "CoordinatorHandler"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
