// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshService",
    products: [
        .library(name: "MeshService", targets: ["MeshService"]),
        .library(name: "MeshSubmission", targets: ["MeshSubmission"]),
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
        // The client side of the contract: put documents on doc.chunks and wait for their reports. Shared by
        // mesh-producer and `mesh review`; here rather than in MeshRedis, which knows streams but not documents.
        .target(
            name: "MeshSubmission",
            dependencies: [
                "MeshService",
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
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
