// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Specialist",
    products: [
        .executable(name: "mesh-specialist", targets: ["mesh-specialist"])
    ],
    dependencies: [
        .package(path: "../../Packages/MeshProtocol"),
        .package(path: "../../Packages/MeshRedis"),
        .package(path: "../../Packages/MeshAgents"),
        .package(path: "../../Packages/MeshService"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "mesh-specialist",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshText", package: "MeshAgents"),
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        )
    ]
)
