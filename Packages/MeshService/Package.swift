// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshService",
    products: [
        .library(name: "MeshService", targets: ["MeshService"])
    ],
    dependencies: [
        .package(path: "../MeshProtocol"),
        .package(path: "../MeshRedis"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "MeshService",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MeshServiceTests",
            dependencies: [
                "MeshService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
