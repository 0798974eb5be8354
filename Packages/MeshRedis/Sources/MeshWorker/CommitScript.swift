import MeshRedis

/// Commits a handled entry atomically: the outputs and the XACK run in one Lua script, so a crash never
/// loses an entry nor writes its outputs twice. A script is used rather than MULTI/EXEC because it can
/// look first: if the entry is no longer pending (another consumer reclaimed and committed it while this
/// one was slow) the outputs are dropped, and a guard command can decide once for all replicas.
/// XACK runs last, so a failing output command leaves the entry pending rather than acknowledged.
enum CommitScript {
    static let source = """
        local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
        if #pending == 0 then return 0 end
        local i = 3
        local function take()
          local n = tonumber(ARGV[i]); i = i + 1
          local cmd = {}
          for k = 1, n do cmd[k] = ARGV[i]; i = i + 1 end
          return cmd
        end
        local result = 1
        local guard = take()
        if #guard > 0 and not redis.call(unpack(guard)) then
          result = 2
          while i <= #ARGV do take() end
        else
          while i <= #ARGV do redis.call(unpack(take())) end
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        return result
        """

    static let script = RedisScript(source)

    enum Result {
        case committed
        /// The guard failed: the entry was acknowledged, the guarded commands skipped.
        case guardDeclined
        /// The entry was no longer pending: someone else committed it.
        case notPending
    }

    static func arguments(
        group: String, id: String, guard guardCommand: [RedisArgument], commands: [[RedisArgument]]
    ) -> [RedisArgument] {
        var args: [RedisArgument] = [.string(group), .string(id), .int(guardCommand.count)]
        args += guardCommand
        for command in commands {
            args.append(.int(command.count))
            args += command
        }
        return args
    }
}
