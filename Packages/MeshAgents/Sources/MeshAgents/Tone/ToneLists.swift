import MeshText

enum ToneLists {
    static let hedging = PhraseTable("""
    i think
    i believe
    i feel
    i guess
    i suppose
    i would say
    in my opinion
    in my humble opinion
    it seems
    it seems that
    it appears that
    perhaps
    maybe
    possibly
    probably
    somewhat
    sort of
    kind of
    more or less
    to some extent
    to a certain extent
    might be
    could be
    tend to
    tends to
    apparently
    presumably
    supposedly
    seemingly
    """)

    static let intensifiers = PhraseTable("""
    very
    very well ## ok
    extremely
    totally
    incredibly
    awfully
    terribly
    super
    insanely
    ridiculously
    hugely
    massively
    tremendously
    enormously
    so very
    really really
    """)

    static let condescending = PhraseTable("""
    simply ## verb
    just ## verb
    obviously
    clearly ## verb
    of course
    easy
    easily
    trivial
    trivially
    everyone knows
    everybody knows
    as everyone knows
    it is obvious
    it's obvious
    needless to say
    any idiot
    any fool
    """)

    static let insensitive = PhraseTable("""
    master branch => main branch ## name
    master node => primary node
    master server => primary server
    master database => primary database
    master process => primary process
    master copy => original | primary copy
    slave => replica | secondary | worker
    slaves => replicas | secondaries | workers
    master/slave => primary/replica
    whitelist => allowlist
    whitelists => allowlists
    whitelisted => allowlisted
    whitelisting => allowlisting
    blacklist => denylist | blocklist
    blacklists => denylists | blocklists
    blacklisted => denylisted | blocklisted
    blacklisting => denylisting | blocklisting
    you guys => you all | everyone
    hey guys => hey everyone | hey all
    hi guys => hi everyone | hi all
    thanks guys => thanks everyone | thanks all
    manpower => workforce | staff
    man-hours => person-hours
    man hours => person-hours
    mankind => humankind | people
    man-made => artificial | synthetic
    manmade => artificial | synthetic
    chairman => chair | chairperson
    chairmen => chairs
    chairwoman => chair | chairperson
    policeman => police officer
    policemen => police officers
    policewoman => police officer
    fireman => firefighter
    firemen => firefighters
    mailman => mail carrier
    mailmen => mail carriers
    postman => mail carrier
    salesman => salesperson
    salesmen => salespeople
    businessman => businessperson
    businessmen => businesspeople
    spokesman => spokesperson
    spokesmen => spokespeople
    stewardess => flight attendant
    stewardesses => flight attendants
    waitress => server
    waitresses => servers
    housewife => homemaker
    cameraman => camera operator
    workman => worker
    workmen => workers
    freshman => first-year student
    freshmen => first-year students
    middleman => intermediary
    layman => layperson
    laymen => laypeople
    forefathers => ancestors
    founding fathers => founders
    cleaning lady => cleaner
    lady doctor => doctor
    male nurse => nurse
    female doctor => doctor
    woman doctor => doctor
    manhole => utility hole
    crazy => surprising | wild | baffling
    insane => surprising | wild | baffling
    lame => boring | weak
    dumb => silly | unwise
    retarded => slow | foolish
    retard => fool
    cripple => person with a disability
    crippled => disabled | hobbled
    crippling => disabling | hobbling
    handicapped => disabled
    wheelchair-bound => wheelchair user
    confined to a wheelchair => uses a wheelchair
    suffers from => has
    suffering from => has | living with
    sanity check => confidence check | quick check
    dummy value => placeholder value
    dummy variable => placeholder variable
    grandfathered => legacy | exempt
    grandfather clause => legacy clause
    native feature => built-in feature
    spirit animal => favorite | inspiration
    tribe => team | group
    powwow => meeting
    gypped => cheated
    gyp => cheat
    homosexuals => gay people
    sexual preference => sexual orientation
    transgendered => transgender
    a transgender => a transgender person
    illegal alien => undocumented immigrant
    illegal aliens => undocumented immigrants
    illegal immigrant => undocumented immigrant
    illegal immigrants => undocumented immigrants
    the elderly => older people
    the disabled => disabled people
    the blind => blind people
    the deaf => deaf people
    mentally ill => person with a mental illness
    psycho => unpredictable
    schizo => erratic
    OCD => particular | meticulous
    """)

    static let profanity = PhraseTable("""
    fuck
    fucking
    fucked
    shit
    shitty
    bullshit
    damn
    damned
    goddamn
    crap
    crappy
    ass
    asshole
    bastard
    bitch
    piss
    pissed
    butt
    """)

    static let slang = PhraseTable("""
    gonna => going to
    wanna => want to
    gotta => have to | got to
    kinda => kind of | somewhat
    sorta => sort of | somewhat
    dunno => don't know
    ain't => isn't | aren't
    y'all => you all
    lol
    lmao
    omg
    btw => by the way
    imho => in my opinion
    imo => in my opinion
    fyi => for your information
    thx => thanks
    pls => please
    plz => please
    u => you ## 'u' is chat speak: write 'you'.
    ur => your | you're
    cuz => because
    coz => because
    'cause => because
    gimme => give me
    lemme => let me
    ya => you
    yeah => yes
    nope => no
    yep => yes
    stuff => things | material
    cool => good | fine
    awesome => excellent | impressive
    """)

    static let contractions = PhraseTable("""
    don't => do not
    doesn't => does not
    didn't => did not
    can't => cannot
    won't => will not
    wouldn't => would not
    shouldn't => should not
    couldn't => could not
    isn't => is not
    aren't => are not
    wasn't => was not
    weren't => were not
    haven't => have not
    hasn't => has not
    hadn't => had not
    it's => it is
    that's => that is
    there's => there is
    i'm => I am
    you're => you are
    we're => we are
    they're => they are
    i've => I have
    we've => we have
    they've => they have
    you've => you have
    i'll => I will
    we'll => we will
    you'll => you will
    they'll => they will
    let's => let us
    """)

    static let casual = PhraseTable("""
    a lot of => many | much
    lots of => many | much
    get rid of => remove
    figure out => determine
    check out => examine
    okay => acceptable
    ok => acceptable
    huge => large
    pretty much => mostly
    pretty good => good
    """)

    static let stiff = PhraseTable("""
    hereby
    herein
    heretofore => until now
    henceforth => from now on
    aforementioned => this | these
    aforesaid => this | these
    whereby => by which
    wherein => where | in which
    pursuant to => under
    in lieu of => instead of
    notwithstanding => despite
    therein
    thereof
    thereto
    forthwith => now | at once
    kindly => please
    please be advised => -
    please find attached => I've attached
    """)

    static let commonWords: Set<String> = wordSet("""
    the a an is are was were be do does did not no yes this that these those you your we our they them it its i me my
    he she his her and or but if then so to of in on at for with from by all any some what why how when where who
    stop now never always must should will can read note important warning please never ever again very really
    """)

    static let politenessMarkers: [(String, Double)] = [
        ("please", 0.5), ("thanks", 0.9), ("thank you", 1.0), ("thank", 0.7), ("appreciate", 0.8), ("grateful", 0.8),
        ("would you", 0.5), ("could you", 0.5), ("would you mind", 0.6), ("if you don't mind", 0.6),
        ("i was wondering", 0.7), ("wondering if", 0.5), ("would it be possible", 0.6), ("do you mind", 0.3),
        ("sorry", 0.4), ("apologize", 0.5), ("apologies", 0.5), ("excuse me", 0.4), ("great", 0.3), ("nice", 0.3),
        ("good", 0.2), ("kindly", 0.3), ("hi", 0.3), ("hello", 0.3), ("welcome", 0.3), ("cheers", 0.3),
        ("could we", 0.3), ("can you", 0.2), ("might", 0.2), ("perhaps", 0.3), ("maybe", 0.2), ("i think", 0.1),
        ("help", 0.2), ("your help", 0.4), ("any ideas", 0.2), ("i'm sure", 0.2), ("hope", 0.3),
        ("why did you", -0.8), ("why do you", -0.6), ("why would you", -0.6), ("why are you", -0.6),
        ("why is", -0.3), ("what is your problem", -1.2), ("you should", -0.3), ("you need to", -0.5),
        ("you must", -0.5), ("you have to", -0.4), ("stop", -0.5), ("don't", -0.2), ("seriously", -0.5),
        ("obviously", -0.4), ("clearly", -0.2), ("actually", -0.3), ("in fact", -0.3), ("no", -0.2),
        ("what the", -0.8), ("did you even", -0.8), ("wrong", -0.4), ("nonsense", -0.8), ("ridiculous", -0.8),
        ("so what", -0.5), ("whatever", -0.5), ("rather than", -0.1), ("instead", -0.1),
    ]
}
