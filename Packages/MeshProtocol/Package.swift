// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshProtocol",
    products: [
        .library(name: "MeshProtocol", targets: ["MeshProtocol"]),
        .library(name: "MeshReports", targets: ["MeshReports"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "MeshProtocol", dependencies: ["CZlib"], swiftSettings: swiftSettings),
        .target(name: "MeshReports", dependencies: ["MeshProtocol"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MeshProtocolTests",
            dependencies: ["MeshProtocol", "CZlib"],
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MeshReportsTests",
            dependencies: ["MeshReports"],
            exclude: ["Golden", "Schema", "validate_sarif.py"],
            swiftSettings: swiftSettings
        ),
    ]
)
