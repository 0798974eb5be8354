#if canImport(Glibc)
import Glibc
#endif

/// glibc gives a thread that allocates while another holds the main arena an arena of its own, and each arena
/// keeps the pages freed in it: under a burst the aggregator's four worker threads held 7 MB that way, a third
/// of its peak RSS (issue 12). The services' threads spend their time waiting on Redis, so one arena costs no
/// CPU that `make bench-mesh` can see. An operator's `GLIBC_TUNABLES=glibc.malloc.arena_max=N` still wins.
enum MallocArenas {
    static func limit(to count: Int32) {
        #if canImport(Glibc)
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("arena_max") { return }
        // `mallopt` is in malloc.h, which Swift's Glibc module does not include; libc has it in every build.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-8, count) // M_ARENA_MAX
        #endif
    }
}
