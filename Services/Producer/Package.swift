// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Producer",
    products: [
        .executable(name: "mesh-producer", targets: ["mesh-producer"])
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
            name: "mesh-producer",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshText", package: "MeshAgents"),
                .product(name: "MeshDocument", package: "MeshAgents"),
                .product(name: "MeshService", package: "MeshService"),
                .product(name: "MeshSubmission", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        )
    ]
)
