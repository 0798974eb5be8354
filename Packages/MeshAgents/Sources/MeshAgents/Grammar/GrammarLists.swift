import MeshText

/// Verb forms for agreement and verb-form checks.
enum Verbs {
    /// base, third person, past, past participle.
    static let table: [(String, String, String, String)] = {
        let irregular = """
        be is was been|have has had had|do does did done|go goes went gone|eat eats ate eaten|see sees saw seen
        take takes took taken|give gives gave given|write writes wrote written|drive drives drove driven
        ride rides rode ridden|sing sings sang sung|begin begins began begun|know knows knew known|grow grows grew grown
        throw throws threw thrown|fly flies flew flown|draw draws drew drawn|choose chooses chose chosen
        speak speaks spoke spoken|break breaks broke broken|steal steals stole stolen|freeze freezes froze frozen
        wear wears wore worn|tear tears tore torn|swear swears swore sworn|forget forgets forgot forgotten
        get gets got gotten|come comes came come|become becomes became become|run runs ran run|swim swims swam swum
        drink drinks drank drunk|ring rings rang rung|sink sinks sank sunk|shake shakes shook shaken|rise rises rose risen
        fall falls fell fallen|hide hides hid hidden|bite bites bit bitten|forgive forgives forgave forgiven
        make makes made made|buy buys bought bought|bring brings brought brought|teach teaches taught taught
        catch catches caught caught|fight fights fought fought|think thinks thought thought|seek seeks sought sought
        sell sells sold sold|tell tells told told|say says said said|pay pays paid paid|hear hears heard heard
        keep keeps kept kept|sleep sleeps slept slept|mean means meant meant|send sends sent sent|spend spends spent spent
        build builds built built|lose loses lost lost|meet meets met met|sit sits sat sat|stand stands stood stood
        understand understands understood understood|win wins won won|feel feels felt felt|leave leaves left left
        find finds found found|hold holds held held|lead leads led led|bring brings brought brought|lend lends lent lent
        """
        var out: [(String, String, String, String)] = []
        for entry in irregular.split(whereSeparator: { $0 == "|" || $0 == "\n" }) {
            let f = entry.split(separator: " ").map(String.init)
            if f.count == 4 { out.append((f[0], f[1], f[2], f[3])) }
        }
        let regular = """
        want need like love hate work play live look seem use try help talk turn start show move believe include continue
        learn change watch follow stop create open walk offer remember consider appear serve die stay reach kill raise pass
        decide return explain hope develop carry receive agree support produce cover enjoy prefer cry study wish answer ask
        call happen listen travel visit wait worry finish arrive plan improve increase allow provide require expect share
        describe discuss report protect prepare complain belong depend exist contain matter notice suggest practice
        """
        for base in regular.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
            let third: String
            let past: String
            if base.hasSuffix("y"), let c = base.dropLast().last, !"aeiou".contains(c) {
                third = base.dropLast() + "ies"
                past = base.dropLast() + "ied"
            } else if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") || base.hasSuffix("o") {
                third = base + "es"
                past = base + "ed"
            } else {
                third = base + "s"
                past = base.hasSuffix("e") ? base + "d" : (["stop", "plan", "travel"].contains(base) ? base + String(base.last!) + "ed" : base + "ed")
            }
            out.append((base, third, past, past))
        }
        return out
    }()

    static let auxiliaries: WordList = [
        "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "shall", "don't", "doesn't",
        "didn't", "can't", "cannot", "won't", "wouldn't", "shouldn't", "couldn't", "mustn't", "let's", "why", "how", "where",
        "what", "when", "whom", "has", "have", "had", "is", "are", "was", "were", "am",
    ]

    /// Base form → third-person form, for "he go" → "he goes".
    static let baseForms = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, t, _, _) in table where b != "be" { d[b] = t }
        return d
    }())

    /// Fixes after he/she/it.
    static let thirdPersonFix = WordDictionary<String>({
        var d = baseForms.dictionary
        d["are"] = "is"
        d["were"] = "was"
        d["don't"] = "doesn't"
        d["haven't"] = "hasn't"
        d["aren't"] = "isn't"
        d["weren't"] = "wasn't"
        d["am"] = "is"
        // Base forms that equal their past or are common nouns after a pronoun object ("it feels", "she left").
        for w in ["let", "put", "cut", "hit", "set", "read", "cost", "hurt", "shut", "come", "become", "run"] { d[w] = nil }
        return d
    }())

    static let thirdToBase = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, t, _, _) in table where b != "be" { d[t] = b }
        d["doesn't"] = nil
        return d
    }())

    static let pastToBase = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, _, p, _) in table where b != "be" && p != b { d[p] = b }
        d["was"] = "be"
        d["were"] = "be"
        return d
    }())

    /// Irregular simple pasts that are not also common nouns or base forms.
    static let strongPast: WordList = [
        "went", "ate", "took", "gave", "wrote", "drove", "rode", "sang", "began", "knew", "grew", "threw", "flew", "drew",
        "chose", "spoke", "broke", "stole", "froze", "swore", "forgot", "came", "became", "ran", "swam", "drank", "sank",
        "shook", "bought", "brought", "taught", "caught", "fought", "sought", "sold", "told", "said", "paid", "kept",
        "slept", "meant", "sent", "spent", "built", "met", "sat", "stood", "understood", "won", "did", "had", "made", "got",
    ]

    /// Simple past → past participle where they differ ("has went" → "has gone").
    static let pastToParticiple: [String: String] = {
        var d: [String: String] = [:]
        for (_, _, p, pp) in table where p != pp { d[p] = pp }
        d["got"] = nil
        d["forgot"] = nil
        d["bit"] = nil
        d["hid"] = nil
        return d
    }()

    /// Third-person or past forms that are usually nouns after "do"/"can" ("can sinks"?), left alone.
    static let nounLike: WordList = ["works", "plays", "uses", "needs", "loves", "hopes", "plans", "calls", "reports",
                                        "changes", "shows", "visits", "answers", "walks", "talks", "means", "wants",
                                        "supports", "covers", "offers", "matters", "practices", "cries", "studies",
                                        "saw", "found", "left", "felt", "fell", "rose", "lay", "wound", "thought", "spoke"]
}

enum GrammarLists {
    static let repeatAllowed: WordList = [
        "had", "that", "is", "bye", "no", "so", "ha", "haha", "hee", "ho", "chop", "blah", "bla", "yada", "knock", "night",
        "tut", "pom", "cha", "la", "yeah", "oh", "dum", "tick", "tock", "boo", "hip", "hmm", "bang", "pooh",
    ]

    static let uncountablePlurals: [String: String] = [
        "informations": "information", "advices": "advice", "furnitures": "furniture", "equipments": "equipment",
        "luggages": "luggage", "baggages": "baggage", "knowledges": "knowledge", "homeworks": "homework",
        "feedbacks": "feedback", "softwares": "software", "hardwares": "hardware", "sceneries": "scenery",
        "machineries": "machinery", "garbages": "garbage", "musics": "music", "trafics": "traffic", "traffics": "traffic",
        "evidences": "evidence", "researchs": "research", "pollutions": "pollution", "wealths": "wealth",
        "jewelries": "jewelry", "vocabularys": "vocabulary", "staffs": "staff", "moneys": "money", "medias": "media",
    ]

    static let properNouns: [String: String] = {
        var d: [String: String] = [:]
        for w in """
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February June July September October November
        December English French Spanish German Chinese Japanese Italian Russian Arabic Portuguese Korean Dutch Greek
        Turkish Swedish Polish Hindi American British European African Asian Indian Canadian Australian Mexican
        Brazilian Christian Christmas Muslim Jewish Buddhist Europe America Africa Asia Australia Canada Mexico Japan
        China France Germany Spain Italy England London Paris Tokyo
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            d[w.lowercased()] = String(w)
        }
        return d
    }()

    static let comparatives: [String: String] = {
        var d: [String: String] = [:]
        for w in """
        better worse bigger easier harder faster smaller larger greater higher lower older younger stronger happier
        cheaper longer shorter simpler richer poorer nicer safer cleaner clearer closer quicker slower warmer colder
        smarter busier healthier heavier lighter louder quieter wider deeper funnier prettier uglier weaker thinner
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) { d[String(w)] = String(w) }
        return d
    }()

    static let superlatives: Set<String> = wordSet("""
    best worst biggest easiest hardest fastest smallest largest greatest highest lowest oldest youngest strongest
    happiest cheapest longest shortest simplest richest poorest nicest safest cleanest closest quickest slowest
    smartest busiest healthiest heaviest loudest widest deepest funniest prettiest weakest
    """)

    /// Confused words, in contexts that give them away. `## start` matches at a sentence start only.
    static let confused = PhraseTable("""
    its a => it's a
    its an => it's an
    its not => it's not
    its been => it's been
    its very => it's very
    its so => it's so
    its just => it's just
    its important => it's important
    its possible => it's possible
    its impossible => it's impossible
    its hard => it's hard
    its easy => it's easy
    its true => it's true
    its raining => it's raining
    its okay => it's okay
    its ok => it's ok
    its always => it's always
    its never => it's never
    its really => it's really
    its about time => it's about time
    it's own => its own
    it's self => itself
    on it's => on its
    of it's => of its
    in it's => in its
    by it's => by its
    with it's => with its
    for it's => for its
    from it's => from its
    into it's => into its
    at it's => at its
    your welcome => you're welcome
    your a => you're a
    your an => you're an
    your not => you're not
    your in a => you're in a
    your in the => you're in the
    your on the => you're on the
    your at the => you're at the
    somethings => some things | something
    your going => you're going
    your wrong => you're wrong
    your so => you're so
    your very => you're very
    your too => you're too
    your sure => you're sure
    your probably => you're probably
    your just => you're just
    your really => you're really
    your getting => you're getting
    your making => you're making
    your trying => you're trying
    your doing => you're doing
    your always => you're always
    your still => you're still
    your able => you're able
    your gonna => you're gonna
    you're own => your own
    of you're => of your
    in you're => in your
    with you're => with your
    for you're => for your
    on you're => on your
    from you're => from your
    their is => there is
    their are => there are
    their was => there was
    their were => there were
    their will be => there will be
    their has been => there has been
    their have been => there have been
    their going => they're going
    their not => they're not
    there own => their own
    there house => their house
    there home => their home
    there homes => their homes
    there car => their car
    there parents => their parents
    there friends => their friends
    there family => their family
    there families => their families
    there children => their children
    there kids => their kids
    there lives => their lives
    there jobs => their jobs
    there names => their names
    there favorite => their favorite
    there favourite => their favourite
    there opinion => their opinion
    there opinions => their opinions
    there ideas => their ideas
    there problems => their problems
    there fault => their fault
    there country => their country
    there teacher => their teacher
    there going to => they're going to
    they're own => their own
    more then => more than
    less then => less than
    better then => better than
    worse then => worse than
    rather then => rather than
    other then => other than
    greater then => greater than
    larger then => larger than
    smaller then => smaller than
    bigger then => bigger than
    higher then => higher than
    lower then => lower than
    faster then => faster than
    slower then => slower than
    fewer then => fewer than
    older then => older than
    younger then => younger than
    longer then => longer than
    shorter then => shorter than
    easier then => easier than
    harder then => harder than
    cheaper then => cheaper than
    stronger then => stronger than
    further then => further than
    happier then => happier than
    smarter then => smarter than
    and than => and then
    since than => since then
    until than => until then
    till than => till then
    back than => back then
    just than => just then
    even than => even then
    than , => then , ## start
    side affect => side effect
    side affects => side effects
    an affect => an effect
    no affect => no effect
    any affect => any effect
    great affect => great effect
    big affect => big effect
    huge affect => huge effect
    little affect => little effect
    positive affect on => positive effect on
    negative affect on => negative effect on
    the affect of => the effect of
    the affects of => the effects of
    an affect on => an effect on
    fell afraid => feel afraid
    fell happy => feel happy
    fell sad => feel sad
    fell lonely => feel lonely
    fell comfortable => feel comfortable
    fell better => feel better
    fell bad => feel bad
    fell good => feel good
    fell nervous => feel nervous
    fell proud => feel proud
    fell safe => feel safe
    costumer => customer
    costumers => customers
    extra curricular => extracurricular
    can affect on => can affect
    could affect on => could affect
    will affect on => will affect
    would affect on => would affect
    may affect on => may affect
    might affect on => might affect
    to affect on => to affect
    in affect => in effect
    into affect => into effect
    will effect => will affect
    would effect => would affect
    can effect => can affect
    could effect => could affect
    may effect => may affect
    might effect => might affect
    not effect => not affect
    does effect => does affect
    did effect => did affect
    effected by => affected by
    be effected => be affected
    is effected => is affected
    are effected => are affected
    was effected => was affected
    were effected => were affected
    been effected => been affected
    to loose => to lose
    will loose => will lose
    would loose => would lose
    can loose => can lose
    could loose => could lose
    might loose => might lose
    may loose => may lose
    don't loose => don't lose
    didn't loose => didn't lose
    loose weight => lose weight
    loosing => losing
    could of => could have
    would of => would have
    should of => should have
    must of => must have
    might of => might have
    couldn't of => couldn't have
    wouldn't of => wouldn't have
    shouldn't of => shouldn't have
    alot => a lot
    aswell => as well
    inorder to => in order to
    eventhough => even though
    everytime => every time
    infact => in fact
    eachother => each other
    noone => no one
    atleast => at least
    incase => in case
    alright => all right
    thankyou => thank you
    is suppose to => is supposed to
    are suppose to => are supposed to
    was suppose to => was supposed to
    were suppose to => were supposed to
    am suppose to => am supposed to
    i use to => I used to
    we use to => we used to
    they use to => they used to
    he use to => he used to
    she use to => she used to
    weather or not => whether or not
    can here => can hear
    could here => could hear
    cannot here => cannot hear
    can't here => can't hear
    hear is => here is
    hear are => here are
    over hear => over here
    come hear => come here
    an advise => an advice | a piece of advice
    some advise => some advice
    good advise => good advice
    my advise => my advice
    your advise => your advice
    to advice => to advise
    will advice => will advise
    take a breathe => take a breath
    deep breathe => deep breath
    to breath => to breathe
    can't breath => can't breathe
    cannot breath => cannot breathe
    to chose => to choose
    will chose => will choose
    can chose => can choose
    has lead => has led
    was lead by => was led by
    were lead by => were led by
    it dose => it does
    dose not => does not
    way to much => way too much
    way to many => way too many
    me to . => me too .
    less people => fewer people
    less things => fewer things
    less mistakes => fewer mistakes
    less errors => fewer errors
    less problems => fewer problems
    less options => fewer options
    less students => fewer students
    less cars => fewer cars
    less calories => fewer calories
    less items => fewer items
    less words => fewer words
    amount of people => number of people
    amount of times => number of times
    amount of things => number of things
    much people => many people
    much friends => many friends
    much things => many things
    much problems => many problems
    many money => much money
    many information => much information
    an other => another
    a another => another
    whose going => who's going
    who's car => whose car
    lets go => let's go ## start
    lets see => let's see ## start
    lets try => let's try ## start
    lets start => let's start ## start
    lets get => let's get ## start
    lets make => let's make ## start
    lets talk => let's talk ## start
    lets have => let's have ## start
    lets take => let's take ## start
    lets do => let's do ## start
    then ever => than ever
    then expected => than expected
    then usual => than usual
    then before => than before
    where as => whereas
    every body => everybody
    any body => anybody
    some body => somebody
    every thing => everything
    some thing => something
    it self => itself
    them self => themselves
    themself => themselves
    theirselves => themselves
    hisself => himself
    ourself => ourselves
    there's many => there are many
    there's several => there are several
    there's lots => there are lots
    there's two => there are two
    there's three => there are three
    and so one . => and so on.
    and so one , => and so on,
    and so one ) => and so on)
    i thin you => I think you
    i thin we => I think we
    i thin they => I think they
    i thin he => I think he
    i thin she => I think she
    i thin so => I think so
    i thing => I think
    we thing => we think
    they thing => they think
    i thin that => I think that
    as follow . => as follows.
    as follow : => as follows:
    miss understand => misunderstand
    miss understood => misunderstood
    miss understanding => misunderstanding
    miss used => misused
    miss spelled => misspelled
    miss spelt => misspelt
    miss lead => mislead
    miss leading => misleading
    without out => without
    some what => somewhat
    all be it => albeit
    lot's of => lots of
    a lot's => a lot
    for along time => for a long time
    along time ago => a long time ago
    last but not last => last but not least
    all over the word => all over the world
    word war => world war
    feel tree to => feel free to
    tot he => to the
    doe snot => does not
    one ore more => one or more
    ore more => or more
    came throw the => came through the
    went throw the => went through the
    walked throw the => walked through the
    through away => throw away
    a know => a known
    look ate => look at
    looked ate => looked at
    looking ate => looking at
    beat regards => best regards
    to being with => to begin with
    tank you => thank you
    i've go to => I've got to
    you've go to => you've got to
    we've go to => we've got to
    humans beings => human beings
    human's beings => human beings
    my be => may be
    is should => it should
    is would => it would
    is could => it could
    is was => it was
    is wasn't => it wasn't
    your should => you should
    your would => you would
    your could => you could
    your can => you can
    your must => you must
    your might => you might
    i wont => I won't
    we wont => we won't
    you wont => you won't
    they wont => they won't
    it wont => it won't
    vary much => very much
    vary well => very well
    vary good => very good
    vary happy => very happy
    vary important => very important
    vary nice => very nice
    once and a while => once in a while
    in the mean time => in the meantime
    on accident => by accident
    what ca i => what can I
    i ca => I can
    you ca => you can
    we ca => we can
    they ca => they can
    should of been => should have been
    to what extend => to what extent
    to some extend => to some extent
    to a great extend => to a great extent
    to a large extend => to a large extent
    to a certain extend => to a certain extent
    to the extend that => to the extent that
    to the fullest extend => to the fullest extent
    of coarse => of course
    office stationary => office stationery
    stationary cupboard => stationery cupboard
    stationary shop => stationery shop
    an alter boy => an altar boy
    at the alter => at the altar
    the route of the problem => the root of the problem
    the route cause => the root cause
    route cause => root cause
    authorized personal => authorized personnel
    authorised personal => authorised personnel
    director of personal => director of personnel
    not save to => not safe to
    feel save => feel safe
    feels save => feels safe
    felt save => felt safe
    is it save => is it safe
    save and sound => safe and sound
    hell be => he'll be
    shell be => she'll be
    wed better => we'd better
    wed like => we'd like
    wed love => we'd love
    your the => you're the
    baring in mind => bearing in mind
    bare in mind => bear in mind
    piece of mind => peace of mind
    the route of the => the root of the
    the routes of the => the roots of the
    their might be => there might be
    their may be => there may be
    their must be => there must be
    their could be => there could be
    their should be => there should be
    they're is => there is
    they're was => there was
    they're are => there are
    for all intense purposes => for all intents and purposes
    to all intensive and purposes => to all intents and purposes
    to all intense and purposes => to all intents and purposes
    around the alter => around the altar
    to the alter => to the altar
    before the alter => before the altar
    the rational for => the rationale for
    the rational behind => the rationale behind
    in vacation => on vacation
    at vacation => on vacation
    error massage => error message
    text massage => text message
    send a massage => send a message
    sent a massage => sent a message
    # minuets => # minutes
    ten minuets => ten minutes
    five minuets => five minutes
    corral reef => coral reef
    corral reefs => coral reefs
    side-affect => side effect
    side-affects => side effects
    after super => after supper
    just desserts => just deserts
    set a precedence => set a precedent
    zero-sum gain => zero-sum game
    with the flew => with the flu
    have the flew => have the flu
    had the flew => had the flu
    got the flew => got the flu
    marriage anniversary => wedding anniversary
    blessing in the skies => blessing in disguise
    walked passed => walked past
    drove passed => drove past
    ran passed => ran past
    went passed => went past
    in the passed => in the past
    at the hard of => at the heart of
    hardly await => hardly wait
    await until => wait until
    that being sad => that being said
    quiet sure => quite sure
    quiet a few => quite a few
    quiet often => quite often
    of cause => of course ## start
    the extend of => the extent of
    to the extend => to the extent
    totem poll => totem pole
    telephone poll => telephone pole
    opinion pole => opinion poll
    i herd => I heard
    we herd => we heard
    you herd => you heard
    they herd => they heard
    have herd => have heard
    had herd => had heard
    another words => in other words
    egg yoke => egg yolk
    egg yokes => egg yolks
    et all => et al.
    brake up => break up
    airplane hangers => airplane hangars
    airplane hanger => airplane hangar
    aircraft hanger => aircraft hangar
    law suit => lawsuit
    law suits => lawsuits
    adopt to => adapt to
    ally concern => allay concern
    ally concerns => allay concerns
    ally fears => allay fears
    ally your fears => allay your fears
    addicting drug => addictive drug
    on behave of => on behalf of
    in behave of => in behalf of
    witch one => which one
    witch way => which way
    wildly accepted => widely accepted
    wildly used => widely used
    wildly available => widely available
    wildly known => widely known
    a through discussion => a thorough discussion
    a through investigation => a thorough investigation
    a through review => a thorough review
    a through examination => a thorough examination
    a through analysis => a thorough analysis
    a through understanding => a thorough understanding
    wandering if => wondering if
    wandering whether => wondering whether
    wandering why => wondering why
    wander if => wonder if
    wander whether => wonder whether
    wander why => wonder why
    on the positive site => on the positive side
    on the negative site => on the negative side
    on the bright site => on the bright side
    on the other site => on the other side
    construction side => construction site
    it seams => it seems
    seams to be => seems to be
    seams like => seems like
    ease off use => ease of use
    some tome => some time
    no tome => no time
    more tome => more time
    masters degree => master's degree
    bachelors degree => bachelor's degree
    masters thesis => master's thesis
    masters dissertation => master's dissertation
    masters program => master's program
    bachelors thesis => bachelor's thesis
    the some => the same | some
    kind if => kind of
    analysis if => analysis of
    heard off => heard of
    know off => know of
    think off => think of
    instead off => instead of
    because off => because of
    word war ii => World War II
    word war i => World War I
    beat wishes => best wishes
    tanks to => thanks to
    nail on the hat => nail on the head
    of the shelf => off the shelf
    opening seen => opening scene
    at see => at sea | at seeing
    read though => read through
    going though => going through
    go though => go through
    went though => went through
    get though => get through
    got though => got through
    pass though => pass through
    today morning => this morning
    today afternoon => this afternoon
    today evening => this evening
    today night => tonight
    yesterday night => last night
    an exception of => an exception to
    can able to => can | am able to
    could able to => could | was able to
    according about => according to
    according for => according to
    according of => according to
    despite of => despite | in spite of
    in stead of => instead of
    whose coming => who's coming
    whose been => who's been
    whose there => who's there
    the whether => the weather
    whether forecast => weather forecast
    come in car => come by car
    come in bus => come by bus
    come in train => come by train
    come in plane => come by plane
    come in taxi => come by taxi
    come in bike => come by bike
    come in bicycle => come by bicycle
    comes in car => comes by car
    comes in bus => comes by bus
    comes in train => comes by train
    comes in plane => comes by plane
    comes in taxi => comes by taxi
    comes in bike => comes by bike
    comes in bicycle => comes by bicycle
    came in car => came by car
    came in bus => came by bus
    came in train => came by train
    came in plane => came by plane
    came in taxi => came by taxi
    came in bike => came by bike
    came in bicycle => came by bicycle
    go in car => go by car
    go in bus => go by bus
    go in train => go by train
    go in plane => go by plane
    go in taxi => go by taxi
    go in bike => go by bike
    go in bicycle => go by bicycle
    goes in car => goes by car
    goes in bus => goes by bus
    goes in train => goes by train
    goes in plane => goes by plane
    goes in taxi => goes by taxi
    goes in bike => goes by bike
    goes in bicycle => goes by bicycle
    went in car => went by car
    went in bus => went by bus
    went in train => went by train
    went in plane => went by plane
    went in taxi => went by taxi
    went in bike => went by bike
    went in bicycle => went by bicycle
    travel in car => travel by car
    travel in bus => travel by bus
    travel in train => travel by train
    travel in plane => travel by plane
    travel in taxi => travel by taxi
    travel in bike => travel by bike
    travel in bicycle => travel by bicycle
    travels in car => travels by car
    travels in bus => travels by bus
    travels in train => travels by train
    travels in plane => travels by plane
    travels in taxi => travels by taxi
    travels in bike => travels by bike
    travels in bicycle => travels by bicycle
    travelled in car => travelled by car
    travelled in bus => travelled by bus
    travelled in train => travelled by train
    travelled in plane => travelled by plane
    travelled in taxi => travelled by taxi
    travelled in bike => travelled by bike
    travelled in bicycle => travelled by bicycle
    traveled in car => traveled by car
    traveled in bus => traveled by bus
    traveled in train => traveled by train
    traveled in plane => traveled by plane
    traveled in taxi => traveled by taxi
    traveled in bike => traveled by bike
    traveled in bicycle => traveled by bicycle
    get in car => get by car
    get in bus => get by bus
    get in train => get by train
    get in plane => get by plane
    get in taxi => get by taxi
    get in bike => get by bike
    get in bicycle => get by bicycle
    gets in car => gets by car
    gets in bus => gets by bus
    gets in train => gets by train
    gets in plane => gets by plane
    gets in taxi => gets by taxi
    gets in bike => gets by bike
    gets in bicycle => gets by bicycle
    got in car => got by car
    got in bus => got by bus
    got in train => got by train
    got in plane => got by plane
    got in taxi => got by taxi
    got in bike => got by bike
    got in bicycle => got by bicycle
    """)

    /// Fixed patterns with the wrong preposition, or one where none belongs.
    static let prepositions = PhraseTable("""
    discuss about => discuss
    discusses about => discusses
    discussing about => discussing
    depend of => depend on
    depends of => depends on
    depended of => depended on
    mean a lot for => mean a lot to
    means a lot for => means a lot to
    meant a lot for => meant a lot to
    means so much for => means so much to
    meant so much for => meant so much to
    listen music => listen to music
    listens music => listens to music
    listened music => listened to music
    listening music => listening to music
    afraid from => afraid of
    capable to => capable of
    aware about => aware of
    responsible of => responsible for
    proud on => proud of
    interested about => interested in
    emphasize on => emphasize
    emphasise on => emphasise
    emphasized on => emphasized
    regarding to => regarding
    reply me => reply to me
    replied me => replied to me
    married with him => married to him
    married with her => married to her
    explain about => explain
    explained about => explained
    explains about => explains
    mention about => mention
    mentioned about => mentioned
    mentions about => mentions
    was inspired with => was inspired by
    were inspired with => were inspired by
    is inspired with => is inspired by
    rely my => rely on my
    consist from => consist of
    consists from => consists of
    consisted from => consisted of
    consisting from => consisting of
    addicted with => addicted to
    participate to => participate in
    participates to => participates in
    participated to => participated in
    participating to => participating in
    in the other hand => on the other hand
    at the other hand => on the other hand
    on my opinion => in my opinion
    on my point of view => from my point of view
    in my point of view => from my point of view
    according to my opinion => in my opinion
    on the same time => at the same time
    interested on => interested in
    depend from => depend on
    depends from => depends on
    depended from => depended on
    dependent of => dependent on
    go to abroad => go abroad
    went to abroad => went abroad
    going to abroad => going abroad
    travel to abroad => travel abroad
    study in abroad => study abroad
    studying in abroad => studying abroad
    live in abroad => live abroad
    cope up with => cope with
    coping up with => coping with
    coped up with => coped with
    as a conclusion => in conclusion
    in weekend => at the weekend | on the weekend
    in a fast speed => at a fast speed
    in a high speed => at a high speed
    in high speed => at high speed
    in full speed => at full speed
    in a slow speed => at a slow speed
    cast doubt in => cast doubt on
    casts doubt in => casts doubt on
    casting doubt in => casting doubt on
    in two reasons => for two reasons
    in three reasons => for three reasons
    in several reasons => for several reasons
    in many reasons => for many reasons
    in some reasons => for some reasons
    in weekends => at weekends | on weekends
    in nowadays => nowadays
    at nowadays => nowadays
    rely the => rely on the
    rely your => rely on your
    relies the => relies on the
    relied the => relied on the
    """)

    static let nonstandard = PhraseTable("""
    enjoyed in it => enjoyed it
    enjoying in it => enjoying it
    the lots of => lots of | the many
    very less => much less
    very more => much more
    very better => much better
    very worse => much worse
    very bigger => much bigger
    very easier => much easier
    very harder => much harder
    very higher => much higher
    very lower => much lower
    very faster => much faster
    very larger => much larger
    very smaller => much smaller
    very longer => much longer
    very older => much older
    very cheaper => much cheaper
    very greater => much greater
    very happier => much happier
    very stronger => much stronger
    very richer => much richer
    very safer => much safer
    very younger => much younger
    very closer => much closer
    very cleaner => much cleaner
    very simpler => much simpler
    very busier => much busier
    go for shopping => go shopping
    goes for shopping => goes shopping
    went for shopping => went shopping
    going for shopping => going shopping
    every time when => every time | when
    the way how => how | the way
    out of question => out of the question
    point of views => point of view
    points of views => points of view
    take responsible => take responsibility
    takes responsible => takes responsibility
    took responsible => took responsibility
    taking responsible => taking responsibility
    do a mistake => make a mistake
    does a mistake => makes a mistake
    did a mistake => made a mistake
    doing a mistake => making a mistake
    do mistakes => make mistakes
    did mistakes => made mistakes
    doing mistakes => making mistakes
    make a research => do research
    made a research => did research
    making a research => doing research
    do a research => do research
    did a research => did research
    doing a research => doing research
    said me => told me
    say me => tell me
    says me => tells me
    each others => each other
    how it looks like => what it looks like | how it looks
    how does it look like => what does it look like
    how do they look like => what do they look like
    how they look like => what they look like | how they look
    i lack of => I lack
    we lack of => we lack
    they lack of => they lack
    you lack of => you lack
    people lack of => people lack
    lacks of => lacks
    lacked of => lacked
    lacking of => lacking
    irregardless => regardless
    could care less => couldn't care less
    for all intensive purposes => for all intents and purposes
    one in the same => one and the same
    nip it in the butt => nip it in the bud
    case and point => case in point
    mute point => moot point
    on accident => by accident
    first come , first serve => first come, first served
    first come first serve => first come, first served
    tow the line => toe the line
    peak my interest => pique my interest
    peaked my interest => piqued my interest
    peaks my interest => piques my interest
    baited breath => bated breath
    sneak peak => sneak peek
    deep seeded => deep-seated
    deep-seeded => deep-seated
    escape goat => scapegoat
    per say => per se
    in regards to => in regard to | regarding
    with regards to => with regard to | regarding
    orientated => oriented
    anyways => anyway
    supposably => supposedly
    expresso => espresso
    excetera => et cetera
    heighth => height
    upmost => utmost
    statue of limitations => statute of limitations
    free reign => free rein
    hone in => home in
    hone in on => home in on
    wreck havoc => wreak havoc
    damp squid => damp squib
    worse case scenario => worst-case scenario
    beckon call => beck and call
    chomping at the bit => champing at the bit
    doggy-dog world => dog-eat-dog world
    i could care less => I couldn't care less
    make due => make do
    shoe-in => shoo-in
    shoe in => shoo-in
    slight of hand => sleight of hand
    tongue and cheek => tongue in cheek
    all of the sudden => all of a sudden
    ex-patriot => expatriate
    pre-Madonna => prima donna
    momento => memento
    mind-bottling => mind-boggling
    preventative => preventive
    conversate => converse
    between you and i => between you and me
    the reason is because => the reason is that
    try and => try to
    """)

    /// Agreement patterns with a counted subject.
    static let agreementPhrases = PhraseTable("""
    there is many => there are many
    there are not anything => there is not anything | there is nothing
    there are nothing => there is nothing
    there is several => there are several
    there is few => there are few
    there is two => there are two
    there is three => there are three
    there is four => there are four
    there is five => there are five
    there is numerous => there are numerous
    there is lots => there are lots
    there is various => there are various
    there was many => there were many
    there was several => there were several
    there was few => there were few
    there was two => there were two
    there was three => there were three
    there was numerous => there were numerous
    there was lots => there were lots
    there was various => there were various
    there isn't many => there aren't many
    there wasn't many => there weren't many
    a lot of people is => a lot of people are
    one of the best thing => one of the best things
    one of my favorite thing => one of my favorite things
    each of them are => each of them is
    many person => many people
    several person => several people
    two person => two people
    this criteria => this criterion | these criteria
    a phenomena => a phenomenon | phenomena
    this phenomena => this phenomenon | these phenomena
    a bacteria => a bacterium | bacteria
    was been => was | has been
    were been => were | have been
    wasn't been => wasn't | hasn't been
    was not been => was not | has not been
    """)

    static let typography = PhraseTable("""
    ( c ) => ©
    ( C ) => ©
    ( tm ) => ™
    ( TM ) => ™
    ( r ) => ®
    ( R ) => ®
    # x #  ## Use the multiplication sign '×' between numbers.
    # ' s  ## Write decades without an apostrophe ('1990s').
    # am in the morning => a.m.
    # pm in the evening => p.m.
    # a . m . in the morning => a.m.
    # p . m . in the evening => p.m.
    # p . m . at night => p.m.
    # pm at night => p.m.
    . . . => …
    et . al => et al.
    et . al . => et al.
    """)
}

/// Filters over the keys of word lists that rules consult for every token, derived from the lists themselves
/// (so they never drift): a rule asks `mayContain` before the look-up.
extension GrammarLists {
    static let uncountablePluralWords = WordFilter(uncountablePlurals.keys)
    static let properNounWords = WordFilter(properNouns.keys)
}

extension GrammarSpecialist {
    static let nounVerbWords = WordFilter(Array(nounForVerb.keys) + Array(verbForNoun.keys))
}

/// The agreement triggers as a map probed by the token's hash (derived from the list, which stays the source of
/// truth).
extension GrammarSpecialist {
    static let agreementTriggerMap = WordMap(agreementTriggers)
}
