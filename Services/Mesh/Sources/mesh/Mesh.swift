import ArgumentParser
import MeshProtocol
import MeshRedis
import MeshService

let toolVersion = "0.1.0"

@main
struct Mesh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh",
        abstract: "The Agentic Mesh, for the people who run it.",
        discussion: """
            Reads the mesh's streams, groups and dead letters in Redis (REDIS_HOST, REDIS_PORT, … or --redis-host …), \
            as `redis-cli XLEN` / `XPENDING` would, and says what they mean.
            """,
        version: meshVersionText("mesh", toolVersion),
        subcommands: [Status.self, DeadLetters.self]
    )
}
