import MeshText

enum ClarityLists {
    static let beForms: WordList = ["is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't", "weren't", "get", "gets", "got"]

    static let ePrime: WordList = ["be", "being", "been", "am", "is", "isn't", "are", "aren't", "was", "wasn't", "were", "weren't",
                                      "i'm", "you're", "we're", "they're", "he's", "she's", "it's", "there's", "here's", "where's",
                                      "how's", "what's", "who's", "that's"]

    static let irregularParticiples: Set<String> = wordSet("""
    been done gone eaten seen taken given written driven ridden sung begun known grown thrown flown drawn chosen spoken
    broken stolen frozen worn torn sworn forgotten gotten become run swum drunk rung sunk shaken risen fallen hidden bitten
    forgiven made bought brought taught caught fought thought sought sold told said paid heard kept slept meant sent spent
    built lost met sat stood understood won felt left found held led lent put cut hit set read cost hurt shut beaten born
    borne bound bred dealt dug fed fled flung forbidden forsaken ground hung laid lit overcome overtaken proven rid shone
    shot shrunk slain slung spun split spread sprung stuck stung struck strung strewn striven swept swollen thrust trodden
    undone upset wept withdrawn woven wound wrung mistaken misunderstood overdone overseen undertaken rewritten
    """)

    static func isParticiple(_ w: String) -> Bool {
        if irregularParticiples.contains(w) { return true }
        return w.count > 4 && w.hasSuffix("ed")
    }

    /// Participles used as adjectives after "be": not passive.
    static let adjectival: Set<String> = wordSet("""
    interested tired excited bored worried pleased surprised married concerned involved supposed used based located
    scared frightened amazed annoyed confused disappointed embarrassed exhausted satisfied shocked terrified thrilled
    prepared qualified related required detailed advanced experienced limited determined dedicated committed talented
    gifted skilled crowded complicated sophisticated balanced closed finished done gone lost born dressed engaged
    divorced retired unemployed unexpected unfinished unknown unused needed allowed ashamed relaxed delighted
    """)

    /// Pairs whose words repeat each other, always safe to trim (a warning). Idioms that repeat on purpose or for
    /// emphasis ("each and every", "reason why", "whether or not") are in `wordy`, a suggestion.
    static let redundancy = PhraseTable("""
    free gift => gift
    past history => history
    end result => result
    final outcome => outcome
    added bonus => bonus
    ATM machine => ATM
    PIN number => PIN
    LCD display => LCD
    HIV virus => HIV
    ISBN number => ISBN
    RAM memory => RAM
    UPC code => UPC
    absolutely essential => essential
    absolutely certain => certain
    advance planning => planning
    advance warning => warning
    advance notice => notice
    close proximity => proximity
    completely finished => finished
    completely eliminate => eliminate
    completely destroyed => destroyed
    future plans => plans
    join together => join
    merge together => merge
    combine together => combine
    collaborate together => collaborate
    connect together => connect
    mix together => mix
    gather together => gather
    new innovation => innovation
    new innovations => innovations
    repeat again => repeat
    revert back => revert
    return back => return
    reply back => reply
    refer back => refer
    still remains => remains
    unexpected surprise => surprise
    true fact => fact
    true facts => facts
    basic fundamentals => fundamentals
    basic essentials => essentials
    postpone until later => postpone
    circle around => circle
    each individual => each
    first began => began
    first started => started
    foreign imports => imports
    general public => public
    null and void => void
    over exaggerate => exaggerate
    personal opinion => opinion
    plan ahead => plan
    plan in advance => plan
    protest against => protest
    raise up => raise
    rise up => rise
    safe haven => haven
    sum total => total
    temper tantrum => tantrum
    therapeutic treatment => therapy
    armed gunman => gunman
    exact same => same
    completely unanimous => unanimous
    consensus of opinion => consensus
    cooperate together => cooperate
    descend down => descend
    ascend up => ascend
    estimated at about => estimated at
    evolve over time => evolve
    fellow colleague => colleague
    fellow colleagues => colleagues
    few in number => few
    grow in size => grow
    mutual cooperation => cooperation
    necessary requirement => requirement
    necessary requirements => requirements
    over and done with => done
    period of time => period | time
    regular routine => routine
    small in size => small
    large in size => large
    shorter in length => shorter
    longer in length => longer
    spell out in detail => spell out
    surrounded on all sides => surrounded
    sudden impulse => impulse
    unintended mistake => mistake
    usual custom => custom
    visible to the eye => visible
    written down => written
    added extra => extra
    alternative choice => alternative
    brief summary => summary
    briefly summarize => summarize
    cash money => cash
    classic tradition => tradition
    complete opposite => opposite
    current trend => trend
    difficult dilemma => dilemma
    end product => product
    equal to one another => equal
    false pretense => pretense
    final conclusion => conclusion
    frozen ice => ice
    hot water heater => water heater
    in close proximity => near
    in the process of => -
    joint collaboration => collaboration
    major breakthrough => breakthrough
    native habitat => habitat
    never before => never
    old adage => adage
    old proverb => proverb
    open up => open
    inside of => inside
    over with => over
    pair of twins => twins
    past memories => memories
    pick and choose => choose
    please RSVP => RSVP
    proceed forward => proceed
    advance forward => advance
    progress forward => progress
    reiterate again => reiterate
    same identical => identical
    seldom ever => seldom
    shrug one's shoulders => shrug
    twelve noon => noon
    twelve midnight => midnight
    12 noon => noon
    12 midnight => midnight
    various different => various
    while at the same time => while
    both together => together
    equally as => equally | as
    # a . m . in the morning => a.m.
    # am in the morning => am
    # p . m . in the evening => p.m.
    # pm in the evening => pm
    # p . m . at night => p.m.
    """)

    static let uncomparable = PhraseTable("""
    very unique => unique
    more unique => unique
    most unique => unique
    quite unique => unique
    rather unique => unique
    somewhat unique => unique
    extremely unique => unique
    totally unique => unique
    completely unique => unique
    very perfect => perfect
    most perfect => perfect
    quite perfect => perfect
    very complete => complete
    very dead => dead
    more dead => dead
    very pregnant => pregnant
    very impossible => impossible
    more impossible => impossible
    most impossible => impossible
    very infinite => infinite
    more infinite => infinite
    very absolute => absolute
    very certain => certain
    most certain => certain
    very final => final
    very fatal => fatal
    very identical => identical
    very ultimate => ultimate
    very universal => universal
    very essential => essential
    more essential => essential
    most essential => essential
    very inevitable => inevitable
    more inevitable => inevitable
    very true => true
    more true => truer
    very empty => empty
    very equal => equal
    more equal => equal
    very eternal => eternal
    very obvious => obvious
    very supreme => supreme
    very total => total
    very whole => whole
    very unanimous => unanimous
    very vital => vital
    very optimal => optimal
    more optimal => optimal
    most optimal => optimal
    very correct => correct
    very entire => entire
    very ideal => ideal
    more ideal => ideal
    most ideal => ideal
    very irrevocable => irrevocable
    very paramount => paramount
    very permanent => permanent
    more permanent => permanent
    very preferable => preferable
    more preferable => preferable
    most preferable => preferable
    very principal => principal
    very primary => primary
    very straight => straight
    """)

    static let wordy = PhraseTable("""
    in the vicinity of => near
    in order to => to
    in order for => for
    given the fact that => given that | because
    the fact that => that
    at the present time => now
    at the current time => now
    at that point in time => then
    in the near future => soon
    with respect to => about
    in relation to => about
    in connection with => about
    on the subject of => about
    a large number of => many
    a great number of => many
    a significant number of => many
    the majority of => most
    a majority of => most
    a small number of => a few
    a number of => some
    prior to => before
    is able to => can
    are able to => can
    was able to => could
    were able to => could
    has the capacity to => can
    it is important to note that => -
    it should be noted that => -
    it is worth noting that => -
    it goes without saying that => -
    as a matter of fact => in fact
    at the end of the day => ultimately
    in the final analysis => finally
    in spite of => despite
    on a daily basis => daily
    on a regular basis => regularly
    on a weekly basis => weekly
    on a monthly basis => monthly
    on an annual basis => yearly
    in a timely manner => promptly
    in an effort to => to
    make an attempt to => try to
    take action => act
    by means of => by
    in the course of => during
    during the course of => during
    throughout the course of => throughout
    in the process of => -
    in terms of => in | for
    each and every one => each
    might possibly => might
    may possibly => may
    could possibly => could
    each and every => each | every
    past experience => experience
    past experiences => experiences
    reason why => reason
    outside of => outside
    whether or not => whether
    all of the => all the
    in the absence of => without
    in accordance with => under | by
    it is possible that => perhaps
    there is a chance that => perhaps
    has a tendency to => tends to
    have a tendency to => tend to
    is indicative of => indicates
    are indicative of => indicate
    serves to => -
    as of yet => yet
    as yet => yet
    at all times => always
    in all cases => always
    along the lines of => like
    in the amount of => for
    a sufficient amount of => enough
    a sufficient number of => enough
    ahead of schedule => early
    as a means of => to
    as a result of => because of
    at an early date => soon
    at the same time that => while
    call attention to => point out
    come to the conclusion => conclude
    due to the fact => because
    feel free to => -
    first and foremost => first
    for all intents and purposes => in effect
    give an indication of => indicate
    has been shown to be => is
    impacted => affected
    impact on => affect
    in a manner similar to => like
    in most cases => usually
    in many cases => often
    in order that => so that
    in the case of => for
    in the form of => as
    in the majority of instances => usually
    it is clear that => clearly
    it is evident that => clearly
    it is often the case that => often
    last but not least => finally
    needless to say => -
    on the basis of => based on | from
    on the grounds that => because
    on the part of => by
    one of the => a | one
    pertaining to => about
    provided that => if
    so as to => to
    take into consideration => consider
    to the extent that => as far as
    until such time => until
    with the result that => so that
    """)

    /// Stock phrases of official writing with a plain equivalent that reads better in every context (the Plain
    /// English Campaign's A–Z): reported as warnings, unlike `wordy`, whose phrases are often fine.
    static let officialese = PhraseTable("""
    due to the fact that => because
    owing to the fact that => because
    in light of the fact that => because
    on account of the fact that => because
    in view of the fact that => because
    despite the fact that => although
    in spite of the fact that => although
    regardless of the fact that => although
    at this point in time => now
    at this moment in time => now
    in the event that => if
    in the not too distant future => soon
    for the purpose of => to | for
    with the exception of => except
    with regard to => about
    in reference to => about
    as to whether => whether
    in excess of => more than
    subsequent to => after
    in close proximity to => near
    has the ability to => can
    have the ability to => can
    until such time as => until
    by virtue of => by
    for the reason that => because
    be in possession of => have
    is in a position to => can
    not in a position to => cannot
    notwithstanding the fact that => although
    the question as to whether => whether
    am of the opinion => think
    is of the opinion => thinks
    are of the opinion => think
    in regard to => about
    with reference to => about
    in the event of => in case of | if
    in the affirmative => yes
    """)

    static let plainWords = PhraseTable("""
    utilize => use
    utilizes => uses
    utilized => used
    utilizing => using
    utilization => use
    utilise => use
    utilised => used
    commence => start | begin
    commenced => started | began
    commences => starts | begins
    facilitate => help | ease
    facilitates => helps | eases
    endeavor => try
    endeavour => try
    ascertain => find out | learn
    approximately => about
    demonstrate => show
    demonstrates => shows
    sufficient => enough
    insufficient => not enough
    terminate => end | stop
    terminated => ended | stopped
    numerous => many
    subsequently => later
    additionally => also
    accordingly => so
    consequently => so
    nevertheless => still
    henceforth => from now on
    heretofore => until now
    aforementioned => this | these
    assistance => help
    individuals => people
    initiate => start
    initiated => started
    implement => carry out | do
    methodology => method
    objective => aim | goal
    optimal => best
    purchase => buy
    remainder => rest
    transmit => send
    transmitted => sent
    attempt => try
    expedite => hurry | speed up
    finalize => finish
    indicate => show
    necessitate => need | require
    obtain => get
    obtained => got
    permit => let | allow
    prioritize => rank
    procure => get
    proficiency => skill
    ameliorate => improve
    remuneration => pay
    cognizant => aware
    disseminate => spread
    accomplish => do
    anticipate => expect
    envisage => imagine
    inception => start
    apprise => inform | tell
    """)

    static let nominalizations = PhraseTable("""
    make a decision => decide
    made a decision => decided
    making a decision => deciding
    make decisions => decide
    reach a decision => decide
    come to a decision => decide
    give consideration to => consider
    take into consideration => consider
    conduct an investigation => investigate
    conduct an analysis => analyze
    perform an analysis => analyze
    carry out an analysis => analyze
    do an analysis of => analyze
    reach a conclusion => conclude
    come to a conclusion => conclude
    draw a conclusion => conclude
    provide assistance => help
    provide assistance to => help
    make an assumption => assume
    make assumptions => assume
    have a discussion => discuss
    hold a discussion => discuss
    make a recommendation => recommend
    make recommendations => recommend
    give a recommendation => recommend
    make an improvement => improve
    make improvements => improve
    make a suggestion => suggest
    make a proposal => propose
    make a request => ask
    make reference to => refer to
    make mention of => mention
    give an explanation => explain
    provide an explanation => explain
    give a description of => describe
    provide a description of => describe
    make an adjustment => adjust
    make adjustments => adjust
    make an arrangement => arrange
    make a comparison => compare
    make a contribution => contribute
    perform an evaluation => evaluate
    conduct an evaluation => evaluate
    carry out an evaluation => evaluate
    make an effort => try
    make a choice => choose
    have a preference for => prefer
    be in agreement => agree
    are in agreement => agree
    is in agreement => agrees
    make a payment => pay
    make an application => apply
    give approval => approve
    grant approval => approve
    take action => act
    perform a review => review
    conduct a review => review
    carry out a review => review
    undertake a review => review
    make a determination => determine
    is dependent on => depends on
    are dependent on => depend on
    is reflective of => reflects
    in the implementation of => in implementing
    the utilization of => using
    """)

    static let cliches = PhraseTable("""
    at the end of the day
    low-hanging fruit
    think outside the box
    thinking outside the box
    outside the box
    at loose ends
    a perfect storm
    avoid like the plague
    beat around the bush
    best thing since sliced bread
    bite the bullet
    break the ice
    by the same token
    cutting edge
    cutting-edge
    dead as a doornail
    easy as pie
    every cloud has a silver lining
    few and far between
    fit as a fiddle
    forgive and forget
    go the extra mile
    hit the nail on the head
    in the nick of time
    it goes without saying
    last but not least
    level playing field
    light at the end of the tunnel
    live and learn
    needle in a haystack
    nip it in the bud
    only time will tell
    paradigm shift
    piece of cake
    plenty of fish in the sea
    read between the lines
    reinvent the wheel
    since the dawn of time
    since time immemorial
    slowly but surely
    tip of the iceberg
    touch base
    when all is said and done
    win-win
    win-win situation
    writing on the wall
    the writing is on the wall
    ace in the hole
    all in a day's work
    all walks of life
    as luck would have it
    back to square one
    back to the drawing board
    ball is in your court
    the ball is in your court
    bells and whistles
    better late than never
    beyond a shadow of a doubt
    bored to tears
    calm before the storm
    cold as ice
    crystal clear
    diamond in the rough
    don't count your chickens
    down to earth
    fall through the cracks
    fell through the cracks
    few and far between
    fly off the handle
    free as a bird
    game changer
    game-changer
    good as gold
    hard as nails
    head over heels
    heart of gold
    in the same boat
    it's not rocket science
    not rocket science
    keep your eye on the ball
    labor of love
    labour of love
    leave no stone unturned
    let the cat out of the bag
    loose cannon
    move the needle
    moving forward
    on the same page
    open a can of worms
    out of the blue
    par for the course
    pushing the envelope
    push the envelope
    quiet as a mouse
    raining cats and dogs
    rule of thumb
    sink or swim
    sleep like a log
    slept like a log
    smart as a whip
    stick out like a sore thumb
    take it with a grain of salt
    the bottom line
    the whole nine yards
    through thick and thin
    time flies
    to the bitter end
    under the weather
    when push comes to shove
    without further ado
    worth its weight in gold
    a dime a dozen
    add insult to injury
    all that glitters is not gold
    blessing in disguise
    cry over spilt milk
    cry over spilled milk
    kill two birds with one stone
    the elephant in the room
    elephant in the room
    lock , stock and barrel
    lock , stock , and barrel
    a whole new ballgame
    a whole new ball game
    hook , line and sinker
    hook , line , and sinker
    in this day and age
    more than meets the eye
    jump on the bandwagon
    scratch the surface
    sharp as a tack
    shoot for the moon
    take the bull by the horns
    tried and true
    tried and tested
    throw caution to the wind
    """)

    static let jargon = PhraseTable("""
    synergy
    synergies
    synergize
    leverage => use
    leveraging => using
    leveraged => used
    circle back
    going forward
    deep dive
    value-add
    value add
    actionable
    core competency
    core competencies
    bandwidth ## '%t' is jargon unless you mean data rates: say 'time' or 'capacity'.
    best-of-breed
    best of breed
    mission-critical
    move the needle
    paradigm
    holistic
    incentivize
    incentivise
    ideate
    ideation
    operationalize
    productize
    thought leader
    thought leadership
    drill down
    boil the ocean
    blue-sky thinking
    blue sky thinking
    take it offline
    ping me
    reach out => contact | write to
    reached out => contacted | wrote to
    reaching out => contacting | writing to
    learnings => lessons
    impactful => effective
    onboarding
    empower
    empowering
    seamless
    seamlessly
    robust
    disruptive
    disrupt
    scalable
    stakeholders
    wheelhouse
    granular
    pain point
    pain points
    low-hanging fruit
    net-net
    on my radar
    per our conversation
    pursuant to => under
    herewith
    hereinafter
    aforesaid
    """)

    static let weasel = PhraseTable("""
    many
    various
    several
    few
    very few
    remarkably
    surprisingly
    mostly
    largely
    huge
    tiny
    relatively
    fairly
    quite
    significantly
    substantially
    excellent
    interestingly
    vast
    vastly
    exceedingly
    extremely
    is a number
    are a number
    some people say
    some people think
    people say
    it is said
    it is believed
    it has been said
    studies show
    studies have shown
    research shows
    research has shown
    experts say
    experts agree
    experts believe
    many people
    critics say
    it is widely believed
    it is generally accepted
    arguably
    """)

    static let adverbs = PhraseTable("""
    basically
    actually
    really
    literally
    virtually
    essentially
    totally
    completely
    absolutely
    definitely
    certainly
    simply
    truly
    honestly
    seriously
    practically
    utterly
    highly
    hopefully
    naturally
    needless to say
    kind of
    sort of
    only
    """)

    static let openers = PhraseTable("""
    so
    there is
    there are
    """)
}

/// Derived from `beForms`, consulted for every token.
extension ClarityLists {
    static let beFormWords = WordFilter(beForms)
}
