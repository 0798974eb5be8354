// swift-tools-version:5.4
import PackageDescription

// libFuzzer targets for the mesh's input-facing code. Each `fuzz-<target>` executable defines
// `LLVMFuzzerTestOneInput` and gets its `main` from libFuzzer, so it only links when built with
// `-Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library` (see `make fuzz` and Fuzz/README.md).
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM compiles an executable's entry point as
// `<module>_main` and links it with `--defsym main=<module>_main`, which fails when the main comes from
// libFuzzer (no `<module>_main` exists). 5.4 is the oldest with `executableTarget`. The packages under
// test keep their own tools version and settings. (swift-protobuf's FuzzTesting pins 5.3 for the same reason.)
let swiftSettings: [SwiftSetting] = []

let specialists = ["grammar", "clarity", "tone", "structure"]

let package = Package(
    name: "MeshFuzz",
    dependencies: [
        .package(path: "../../Packages/MeshAgents"),
        .package(path: "../../Packages/MeshProtocol"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshDocument", package: "MeshAgents"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-chunker",
            dependencies: ["FuzzSupport", .product(name: "MeshDocument", package: "MeshAgents")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-wire",
            dependencies: ["FuzzSupport", .product(name: "MeshProtocol", package: "MeshProtocol")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-inflate",
            dependencies: ["FuzzSupport", .product(name: "MeshProtocol", package: "MeshProtocol")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-config",
            dependencies: ["FuzzSupport", .product(name: "MeshAgents", package: "MeshAgents")],
            swiftSettings: swiftSettings
        ),
    ] + specialists.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["FuzzSupport", .product(name: "MeshProtocol", package: "MeshProtocol")],
            swiftSettings: swiftSettings
        )
    }
)
