"""Word lists the reader of coachee language looks for (`simulator.talk.client_talk`), written from MI.

Every entry is a regular-expression fragment matched against text that has already been
normalised (`simulator.talk.wording`: lower case, straight apostrophes, dictation mended,
hedges dropped), so entries are written that way. The stances are verb phrases read right
after "i"; the cues are fixed phrases (reasons, minimising, discord, barriers) with the talk
and DARN-CAT kind they signal; the last lists say which way what follows a stance points.
Like `simulator.reading.cue_lexicon`, nothing here was mined from a data set.
"""

from __future__ import annotations

from simulator.talk.reading import Kind, Talk

# Dictation and informal spelling, mapped to the one form the patterns read.
SPELLINGS = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "havent": "haven't", "hasnt": "hasn't", "aint": "ain't", "im": "i'm",
    "ive": "i've", "id": "i'd", "youre": "you're", "thats": "that's", "theres": "there's", "whats": "what's",
    "it is": "it's", "that is": "that's", "i will": "i'll", "i would": "i'd", "i have got": "i've got",
    "i have been": "i've been", "its": "it's", "do not": "don't", "does not": "doesn't", "did not": "didn't",
    "can not": "can't", "cannot": "can't", "will not": "won't", "would not": "wouldn't", "could not": "couldn't",
    "should not": "shouldn't", "is not": "isn't", "am not": "'m not", "have not": "haven't", "has not": "hasn't",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "hafta": "have to",
    "i'm gonna": "i'm going to", "i've gotta": "i've got to", "cuz": "because", "cos": "because",
    "'cause": "because", "cause": "because", "i do not": "i don't", "i do": "i", "i really do": "i",
}  # fmt: skip

# Words that soften or fill but never turn a statement around. Stripping them lets the
# patterns see "i don't want to" in "i don't really want to" and "i should" in "i guess i
# should".
HEDGES = (
    r"um+|uh+|er+m?|hm+|mm+|ah+|oh|really|just|actually|definitely|probably|honestly|totally|kind of|sort of"
    r"|kinda|sorta|truly|seriously|certainly|absolutely|also|still|even|maybe|perhaps|literally|basically"
    r"|obviously|you know|i mean|i think|i guess|i suppose|i feel like|i know(?! how| my| what| it| that)"
    r"|i believe|i feel that|i reckon|i'd say|to be honest|like,|at least|finally"
)

# "ill" is "i'll" unless it describes being unwell ("I feel ill", "she was ill").
UNWELL = (
    "feel", "felt", "feeling", "been", "was", "is", "am", "'m", "very", "so", "too", "get", "got", "fell",
    "seriously", "mentally",
)  # fmt: skip

# Turns that are only a backchannel or a yes/no: common, and never talk on their own.
FILLERS = frozenset(
    {
        "yeah", "yes", "yep", "yup", "no", "nope", "nah", "okay", "ok", "right", "sure", "mm", "hmm", "mm-hmm",
        "mhm", "uh-huh", "uh", "um", "oh", "ah", "alright", "true", "exactly", "maybe", "well", "so", "thanks",
    }
)  # fmt: skip

# (verb phrase after "i", kind, negated). The verb phrase is matched right after the subject.
STANCES: tuple[tuple[str, Kind, bool], ...] = (
    # Negated forms come first: at one position the first alternative that fits wins, and
    # " can" must not read the start of " can't".
    (r" (?:don't|didn't|never|wouldn't) want to| (?:don't|didn't) want(?= a | my | any | it)|'m not (?:interested in"
     r"|keen on|keen to|bothered about)|'d rather not| would rather not| don't feel like| don't wish to"
     r"| wish i (?:didn't|wasn't|hadn't|weren't)", "desire", True),
    (r" can't| couldn't| can never| could never|'m not able to|'m unable to| won't be able to| don't know how(?![\w'])"
     r"|'m not capable of", "ability", True),
    (r" (?:don't|didn't) need to| (?:don't|didn't) have to| shouldn't have to| don't need(?= a | my | it | any| to)"
     r"| shouldn't| mustn't", "need", True),
    (r"'m not going to|'m never going to| won't|'ll never| will never|'m not planning (?:to|on)| don't plan to"
     r"| don't intend to| refuse to|'m not (?=giving up|stopping|quitting|cutting|changing)", "commitment", True),
    (r"'m not ready|'m not willing|'m not prepared to|'m not open to|'m not up for", "activation", True),
    (r" (?:haven't|didn't)(?= had| smoked| drunk| touched| used| drink| smoke| have| use| gamble| vaped)"
     r"|'ve not(?= had| smoked| touched| used)", "taking_steps", True),
    # desire
    (r" (?:want|wanted) to| (?:'d|would) (?:like|love) to|'d (?:like|love) to| wish i (?:could|would|was|were|had)"
     r"| hope (?:to|i can|i could|i'll)|'m hoping to| would rather|'d rather|'m (?:interested in|keen to"
     r"|eager to|excited to|looking forward to)|'ve always wanted to| want (?=my |a |more |some |better |the )"
     r"|'d (?:like|love) (?=a |an |my |more |some |the |that|it$|it[.,!])",
     "desire", False),
    # ability
    (r" can(?![\w'])(?! i\b)|'ll be able to| could(?![\w'])|'m able to| know how to|'m capable of", "ability", False),
    # need
    (r" need to| needs to|'ve got to| got to(?! the | a | my | work| know| be| see| say| go| like)"
     r"| must(?![\w'])| should(?![\w'])| ought to|'d better| better(?= \w)|'ll have to| have to"
     r"| need (?=help|support|a plan|a change|some help)", "need", False),
    # commitment and activation
    (r"'ll(?![\w'])| will(?![\w'])|'m going to(?! the | a | my | his | her | their | church| school| work| bed)"
     r"|'m planning (?:to|on)| plan to| intend to|'m determined to|'m committed to| promise(?![\w'])"
     r"|'ve decided to| decided to|'m aiming to|'ve made up my mind to"
     r"|'m (?=giving up|quitting|stopping)",
     "commitment", False),
    (r"'m ready(?![\w'])|'m willing|'d be willing| would be willing|'m prepared to|'m open to|'m up for"
     r"|'m thinking (?:about|of)|'m considering|'ve been thinking about|'m looking into", "activation", False),
    # taking steps: the verb stays in the complement, where `simulator.talk.direction` reads it
    (r"(?:'ve| have) (?:already |recently )?(?=started|stopped|quit|cut|reduced|given up|joined|signed up|booked"
     r"|made|called|talked|spoken|asked|bought|thrown|got rid|switched|swapped|changed|tried|lost|managed|taken"
     r"|set up|applied|enrolled|registered|begun|been|put in|downloaded|moved)"
     r"| (?:already |recently )?(?=started|stopped|quit|cut|reduced|gave up|joined|signed up|booked|called|talked"
     r"|spoke|asked|bought|threw|got rid|switched|swapped|changed|tried|lost|managed|took|set up|applied|enrolled"
     r"|registered|began|downloaded|put in|was able to)"
     r"|'m (?=trying|cutting|working on|taking|walking|running|exercising|going to the gym|eating|drinking|smoking"
     r"|practi[cs]ing|learning|saying no|delegating|blocking|sleeping|checking|using|doing better|doing more|getting"
     r"|seeing|cooking|swimming|cycling|reading up)", "taking_steps", False),
)  # fmt: skip

STEP_DONE = frozenset({"again", "already", "recently", "last week", "this week", "today", "yesterday"})

# Who a reason is about: "it's", "drinking is", "my sugar's".
SUBJECT = (
    r"(?:it|that|this|drinking|smoking|alcohol|sugar|food|work|eating|working|vaping|gambling|using|partying"
    r"|(?:my|the) \w+(?: \w+)?)"
)

CUES: tuple[tuple[str, Talk, Kind, float], ...] = (
    # minimising (before reasons for change, so "it's not a problem" is not "it's a problem")
    (rf"{SUBJECT}(?:'s| is| was)? (?:not|isn't|wasn't|ain't) (?:that |so |too |really |a |such a |all that |a real )?"
     r"(?:bad|big|serious|big deal|deal|problem|big problem|issue|much|harmful|dangerous)"
     r"|not (?:that|so|too) (?:bad|big|serious|much)|no (?:big )?deal|not a (?:big )?(?:deal|problem|issue)"
     r"|no problem(?! with)|(?:everyone|everybody|all my friends|all of us|all my mates|people|most people"
     r"|everyone i know|everyone on my team|everybody at work|everyone at work|my friends|all my family)"
     r" (?:does|do|drinks|drink|smokes|smoke|eats|works|is the same|does it)|(?:don't|doesn't|didn't) (?:have a"
     r" problem|see a problem|affect|bother|hurt|harm|matter|interfere)|i'm not (?:an alcoholic|addicted|hooked"
     r"|that bad|worried|concerned|bothered|fat|overweight|a drunk|drinking in the morning)|not like i'm"
     r"|i only (?:drink|smoke|have|eat|use|work)|(?:it's|that's) (?:only )?(?:a couple|a few|one or two|the odd"
     r"|socially|on weekends|at weekends)|only (?:a couple|a few|one or two|the odd)|in control|under control"
     r"|i know my limits|(?:my \w+|it)(?:'s| is| are) fine|i'm (?:fine|ok|okay|alright|all right) (?:with (?:it|that|how|the way|my)|as"
     r"|the way|without)|i'll be (?:fine|ok|okay|alright|all right)|(?:drinks|smokes|eats|works)"
     r" more than me|not as bad as|could be worse|it's normal|no harm|i'm healthy|i'm in good shape"
     r"|(?:never|hasn't) done me any harm|(?:he|she|they)(?:'s| is| was| were| are) fine|never did (?:him|her|them)"
     r" any harm|i don't think (?:it's|that's) (?:that |so |too )?(?:bad|serious|big)"
     r"|i don't have a problem", "sustain", "minimising", 1),
    (r"i can (?:handle|control|manage|take|cope with) (?:it|my drinking|my drink|the drinking|that|my smoking)"
     r"|i can stop (?:any ?time|whenever|if i want|when i want)", "sustain", "minimising", 2),
    # reasons for change: harm, problem recognition, benefits, people who matter
    (rf"{SUBJECT}(?:'s| is| was| isn't)? not (?:good|great|healthy|helping|doing me any good)|isn't (?:good|healthy"
     r"|helping)|no good for|(?:not|isn't) (?:good|healthy) for|doesn't (?:help|do me any good)"
     r"|(?:bad|terrible|awful|harmful|dangerous|unhealthy|poison) for (?:me|my|you|your|us|the kids|him|her)"
     rf"|{SUBJECT}(?:'s| is| are| has been) (?:killing|ruining|hurting|destroying|damaging|affecting|wrecking|costing"
     r"|taking over|eating into|getting in the way of|messing up|harming|getting worse|getting out of hand)"
     rf"|{SUBJECT}(?:'s| is| are| was| has been) (?:too high|worse|unhealthy|a problem|out of control"
     r"|out of hand|not sustainable|unsustainable|not working|isn't working)"
     r"|isn't (?:sustainable|working)|not sustainable|getting out of hand|out of control"
     r"|(?:i|we) (?:drink|smoke|eat|work|spend|use|gamble) (?:way )?too much|too many (?:drinks|cigarettes|hours"
     r"|late nights)|more than i should|i have a problem|i've got a problem|i'm (?:an alcoholic|addicted|hooked"
     r"|burning out|burnt out|burned out|drowning|scared|afraid|worried|terrified|frightened|concerned"
     r"|ashamed|embarrassed)|i'm (?:sick|tired) of|sick and tired|fed up|had enough|i hate (?:it|this|that|how"
     r"|the way|being|feeling|myself|what|waking)|i don't like (?:it|this|how|the way|what|being|feeling"
     r"|myself)|(?:kids|children|family|wife|husband|partner|grandkids|daughter|son|team|baby|mum|mom|dad) (?:need"
     r"|needs|deserve|deserves) (?:me|better|a)|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would| could| will|'ll) (?:feel|be|look|sleep|get) (?:so |much |so much |a lot"
     r" |a bit )?(?:better|healthier|fitter|happier|calmer)|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would| could| will|'ll)"
     r" (?:save|have) (?:so |much |so much |a lot |a bit |a lot of |some )?(?:more )?(?:money|energy|my life"
     r"|my evenings|my weekends|time with)|would (?:help me|be (?:good|better|nice|great|a good idea) (?:to|if i"
     r"|for me))"
     r"|(?:better|healthier) for (?:me|my|us|the)|health (?:matters|comes first|is more important)|matters more"
     r"|time for a change|can't afford to (?:keep|carry on|lose|get)|worried about|scared of|afraid of"
     r"|concerned about|terrifies me|scares me|worries me|i regret|i'm not happy with|it's costing"
     r"|wasting (?:my|money|time)", "change", "reasons", 1),
    # problem recognition from how the status quo feels, and past success as ability
    (r"i (?:feel|felt|'m feeling|'ve been feeling) (?:so |very |pretty )?(?:guilty|ashamed|terrible about|awful about"
     r"|bad about|sick all|tired all|awful all|rubbish all|out of control|worse)|i can't (?:sleep|breathe|concentrate"
     r"|focus|keep up|cope|climb|walk far|play with|remember things)(?! without)|(?:it|that) (?:bothers|upsets"
     r"|concerns|frightens|scares|worries) me|i don't want my (?:kids|children|family|son|daughter|wife|husband"
     r"|grandkids|partner) to|(?:i'm|that's) not (?:the|who) (?:\w+ )?i want to be|not who i want to be"
     r"|not the (?:person|dad|father|mum|mom|mother|parent|manager|nurse|leader) i want", "change", "reasons", 1),
    # consequences: health, family, money, work, the law (MI's reasons for change)
    (r"(?:affect|affects|affected|affecting|hurt|hurts|hurting|damaged|damaging|harming|ruined|ruining|wrecked"
     r"|wrecking|destroying|destroyed) (?:my|me|our|us|his|her|their|the kids|the family|everything)"
     r"|(?:high|raised|elevated|bad) (?:blood pressure|cholesterol|sugars?|a1c|blood sugar|liver)|liver (?:damage"
     r"|problems?|function)|fatty liver|chest pains?|heart (?:problems?|attack|disease)|can't breathe|short of breath"
     r"|out of breath|(?:bad |terrible |awful |)(?:hangovers?|blackouts?|the shakes|withdrawals?)"
     r"|(?:got|get|getting|gotten) (?:in trouble|arrested|a dui|a dwi|fired|a warning|written up|sacked|caught"
     r"|pulled over|a ticket)|(?:lose|lost|losing) (?:my job|my license|my licence|my wife|my husband|my family"
     r"|my kids|custody|my house|my friends|my health|my marriage)|(?:worried|upset|angry|mad|disappointed|concerned"
     r"|scared|fed up) (?:about|with|at|for) me|(?:argue|argued|arguing|fight|fought|fighting|row|rows) (?:about|over)"
     r" (?:it|my|the|money)|(?:miss|missed|missing) (?:work|school|shifts|appointments|time with|out on|days)"
     r"|(?:embarrassing|embarrassed|ashamed|guilty|regret)|(?:more|better) (?:energy|sleep|money|time with|health)"
     r"|i (?:feel|felt|'m feeling|'ve been feeling|feel so much|feel a lot) (?:better|good|great) (?:when|since"
     r"|after|without|now that)|i (?:was|'ve been) thinking (?:about|of) (?:quitting|stopping|cutting|changing"
     r"|giving|going|getting|trying|starting|asking|talking)", "change", "reasons", 1),
    (r"i only (?:had|drank|smoked|used)", "change", "taking_steps", 2),
    (r"i(?:'d| would) be (?:a )?(?:good|great|really good) (?:at|as|in|for|\w+ (?:lead|manager|leader))",
     "change", "ability", 2),
    (r"i(?:'ve| have|) (?:done it|did it|managed it|quit|stopped) before|i (?:quit|stopped|was sober|was clean"
     r"|didn't drink|didn't smoke) for (?:a|about|over|nearly|almost|\w+ (?:weeks|months|years))", "change", "ability", 2),
    (r"i (?:don't|didn't) (?:drink|smoke|eat|use|gamble|work) (?:that|so|very|too) (?:much|often|many|late)"
     r"|i'm not (?:that|a) (?:heavy|big|bad|serious) (?:drinker|smoker|eater)|it's not like (?:i|it)"
     r"|i don't (?:drink|smoke) every day|(?:it|drinking|smoking|a drink) (?:is|'s) (?:fun|social|relaxing"
     r"|enjoyable|sociable|my treat)|(?:it's|that's) my (?:choice|life|body|business)(?! to)"
     r"|who cares|nothing (?:wrong|to worry about|i can do)|(?:die|going) anyway|going to die of something"
     r"|you only live once|life's too short|(?:make|makes|made) (?:no|any|much) difference|i have no (?:choice"
     r"|option)|i (?:still|always) (?:go to work|get up|function|do my job|pay my bills|get to work)"
     r"|i (?:don't|never) (?:get|have) (?:drunk|hangovers|problems|a hangover)|no (?:different|worse) (?:than|from)"
     r"|not any (?:different|worse)|(?:don't|no) need to worry|nothing to worry about|i don't think so|i don't know about that|i'm not sure about that",
     "sustain", "minimising", 1),
    (r"i don't like (?:the idea|the thought|taking|going|doing|the patches|pills|medication|the gym|exercise|running"
     r"|vegetables|injections|needles)|(?:pills|medication|tablets|the patches|the gum|insulin|metformin|the meds"
     r"|side effects) (?:make|makes|made|gave|give|gives) me|side effects|the one thing|gets me through"
     r"|keeps me (?:going|sane)|would (?:make|leave) me (?:stressed|grumpy|miserable|irritable|anxious|fat|bored)"
     r"|(?:i'll|it'll|you'll) only (?:put it back|go back|start again|fail|end up)|put (?:it|the weight) back on"
     r"|none of (?:them|it|those) (?:work|worked|helped|help)|i've tried every|(?:it's|that's) (?:too )?(?:expensive"
     r"|a hassle|a pain|inconvenient)", "sustain", "reasons", 1),
    (r"(?:that|this) (?:might|could|may|would) (?:work|help)|i was (?:hoping|planning) (?:to|i could)"
     r"|(?:causing|caused|causes) (?:problems|issues|trouble)|(?:drinking|smoking|it|alcohol|the drink|cigarettes"
     r"|work|the job|this job|the stress|my weight) (?:makes|made|is making|has made|'s making|'s made) me (?:feel )?"
     r"(?:sick|ill|tired|awful|terrible|bad|fat|anxious|depressed|angry|irritable|miserable)", "change", "reasons", 1),
    (r"(?:it's|it is|that's|it'd be|it would be|it will be|it'll be) (?:so |too |very |pretty )?(?:hard|difficult|tough"
     r"|impossible) (?:to (?:stop|quit|cut|change|give|say no|lose|find time)|for me to)", "sustain", "reasons", 1),
    (r"part of me (?:wants|would like|would love|knows i (?:need|should|have|must)|is ready)", "change", "desire", 2),
    (r"part of me (?:doesn't|does not|don't) want", "sustain", "desire", 2),
    (r"something (?:has|needs|'s got|got|must|had) to (?:change|give)|things (?:need|have|must|got) to change"
     r"|it's time (?:for me )?to|it's time i|time to (?:stop|quit|change|make)", "change", "need", 2),
    # reasons against change: what the habit gives, what changing would cost
    (r"(?:it|that|drinking|smoking|a drink|a cigarette|a smoke|wine|beer|food|eating|working late|it all)"
     r" (?:helps|relaxes|calms|settles|soothes|chills|keeps) (?:me|my)|helps me (?:relax|cope|sleep|unwind|deal"
     r"|focus|switch off|forget|get through|concentrate|socialise|socialize)|calms me|relaxes me|takes the edge off"
     r"|(?:it's|that's) how i (?:relax|cope|unwind|deal|switch off|get through|socialise|socialize)"
     r"|(?:it's|that's) the only (?:thing|way|time|pleasure)|only thing (?:i|that) (?:enjoy|like|look forward)"
     r"|my only (?:escape|pleasure|treat|vice|way|time)|it's my (?:escape|treat|reward|thing|me time)"
     r"|i (?:like|love|enjoy) (?:it|drinking|smoking|a drink|my drink|a beer|a glass|my wine|my beer|wine|beer"
     r"|the taste|the feeling|the buzz|my cigarettes|cigarettes|a smoke|my smokes|going out|partying|having a"
     r"|my food|sweets|my job the way|the way i work|things the way|how things are|my routine)"
     r"|i need it(?: to| for|$)|i need (?:a|my) (?:drink|cigarette|smoke|wine|beer|fag|fix|cigarettes|smokes)"
     r"|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would) (?:be (?:miserable|bored|grumpy|stressed|lost|unbearable|a wreck|climbing the walls)|miss it"
     r"|go crazy|go mad|gain weight|put on weight|lose my friends)|what would i do without|can't imagine (?:life"
     r" )?without|(?:can't|couldn't) (?:manage|cope|live|function|sleep|relax) without|i'd miss|i'll miss"
     r"|i hate (?:the gym|exercise|exercising|running|walking|vegetables|salad|diets|injections|needles)"
     r"|(?:exercise|the gym|dieting|running) is (?:boring|a pain|awful)|i'm happy (?:where i am|as i am"
     r"|with (?:how|the way|my|things))|i'm comfortable (?:in|with|where)|it works for me|(?:it's|that's) working"
     r" (?:fine|for me)|runs in the family|my genes|it's in my genes", "sustain", "reasons", 1),
    # discord: arguing, blaming, discounting
    (r"not my fault|(?:their|his|her|the company's|management's|my boss's|my manager's|the system's) (?:fault"
     r"|problem)|are the problem|is the problem|(?:it's|that's) not my (?:job|problem|responsibility)"
     r"|you don't (?:understand|get it|know what|know how|know me)|why should i|i don't see (?:why|the point"
     r"|what|a problem|the problem)|what's the point|(?:there's |)no point|waste of time|not interested"
     r"|leave me alone|i'm only here because|(?:made|sent|forced|dragged) me (?:come|here|to come)"
     r"|nobody (?:else )?(?:can|knows|understands)|there's nothing wrong|nothing wrong with|i don't need"
     r" (?:coaching|help|a (?:lecture|coach|programme|program|course))", "sustain", "discord", 1),
    # barriers: why change will not work
    (r"(?:too|so) (?:busy|hard|difficult|expensive|tired|late|old|stressful|bad for running|much effort|risky)"
     r"|(?:don't|do not) have (?:the |enough )?(?:time|energy|willpower|money)|no time|can't afford"
     r"|i've tried (?:everything|before|that|it all|it before)|nothing (?:works|helps|will help|has worked"
     r"|ever works)|(?:it|that|this) (?:won't|wouldn't|doesn't|didn't|never) (?:work|help)|never works"
     r"|made no difference|didn't make any difference|i've always (?:been|done|smoked|drunk|drank|worked)"
     r"|(?:it's|that's) (?:who i am|how i am|part of me|part of my|how it is|how things are|the culture)"
     r"|can't be bothered|i give up|too far gone|(?:it's|that's) boring|is boring|quicker to do it myself"
     r"|nobody else knows", "sustain", "reasons", 1),
)  # fmt: skip


# --- what a stance is about -----------------------------------------------------------------

# A stance inside reported speech, a condition or a question is not the speaker's own.
NOT_OWN = (
    r"(?:says?|said|thinks?|thought|told me|tells me|telling me|wants? me to|asked me|asks me|keeps? saying"
    r"|according to|if|unless|whether|even if|what if|when|as if|as long as|not that|who|why|so that) $"
)

# A complement ends at the next clause.
COMPLEMENT_END = (
    r"[.,;:!?]| (?:but|because|though|although|however|so|when|until|unless|if|since|while|whereas|and i|or i"
    r"|and it's|i|i'm|i've|i'll|i'd|it's|that's|this is|there's|my \w+ (?:is|are|was|says|said|wants|thinks)"
    r"|which|except)(?![\w'])"
)

# Words that pass the reading on to what follows ("try to", "be able to", "start").
TRANSPARENT = (
    r"(?:to |be able to |try to |try and |try |start to |start |begin to |manage to |afford to |go and |have to "
    r"|got to |need to |imagine |picture |see myself |picture myself |think about |consider |make myself "
    r"|started |starting |began |begun |trying to |trying |tried to |tried |managed to |been "
    r"|get myself to |at least |properly |seriously |finally |actually |ever |a |an |my |some |another |the "
    r"|more |any )+"
)

NOT = r"(?:not|never|no longer|no more) (?:to )?"

# The status quo, wherever it is named: "like this", "any more", "the way things are".
STATUS_QUO_MARK = (
    r"(?<![\w'])(?:like this|like that|this way|that way|any ?more|any longer|forever|the way (?:i am|it is|things are"
    r"|i'm going)|as i am|the same|what i'm doing|how i am|where i am|again)(?![\w'])"
)

KEEP = r"(?:keep(?: on)?|continue(?: to)?|carry on|go on|stay|stick with|remain|be stuck)(?![\w'])"

KEEP_GOOD = (
    r" (?:trying|working on|sober|clean|dry|healthy|fit|active|on track|away|motivated|walking|running|exercising"
    r"|cutting|improving|learning|getting better|doing better|it up|going|positive|focused|calm|on top|taking)"
)

PROBLEM = (
    r"(?:drink(?:ing|s)?|drank|booze|smok(?:e|ing|es)|have a (?:drink|smoke|cigarette|beer|glass|fag|pint)|having"
    r" (?:a drink|a smoke|cigarettes|a few)|(?:use|using) (?:again|drugs|heroin|meth|cocaine|coke|weed|pills)"
    r"|get (?:drunk|high|wasted)|gambl(?:e|ing)|vap(?:e|ing)"
    r"|binge|eat(?:ing)? (?:junk|fast food|sweets|sugar|chocolate|takeaways?|crisps|whatever)|skip(?:ping)?"
    r" (?:my |the )?(?:meds|medication|insulin|lunch|breakfast|gym|workouts?)|work(?:ing)? (?:late|weekends|overtime"
    r"|through|all the time|every)|stay(?:ing)? late|party|partying|snack(?:ing)?|say(?:ing)? yes to everything"
    r"|cigarettes?|wine|beer|alcohol|weed|pot|bottle|drop|pint|fag|glass of wine|had (?:a |any |one )?(?:drink"
    r"|smoke|cigarette|beer|drop)|touched|smoked|drunk|used|vaped|gambled)(?![\w'])"
)

REDUCTION = (
    r"(?<![\w'])(?:less|fewer|cut|down|back|moderat\w*|only|not as much|as much|water|fizzy water|alcohol[- ]free"
    r"|non[- ]alcoholic|decaf|diet|earlier|on time|sensibly|within)(?![\w'])"
)

UNDESIRED = (
    r"(?:end up|die|dying|lose (?:my|the|him|her|them|everything|it all|sight|a leg|a foot|a toe)|be like|become like"
    r"|turn into|get (?:sick|ill|worse|fired|diabetes|cancer|sacked|divorced|caught)|have (?:a heart attack|a stroke"
    r"|diabetes|another)|relapse|go back to (?:drinking|smoking|using|the bottle|my old|how it was|the way)|slip|fail|hurt|disappoint|let (?:them|her|him|my|anyone|people|you) down"
    r"|be (?:sick|ill|fat|overweight|dead|a burden|an alcoholic|an addict|stuck|miserable|unhappy|that|on (?:insulin"
    r"|medication|dialysis|tablets)|in hospital|in pain|tired|exhausted|stressed|burned out|burnt out|like (?:him|her"
    r"|them|my))|feel (?:like this|this way|sick|bad|terrible|awful|ill|rough|hungover)|burn out|miss out|waste"
    r"|put my|go through|let it|need insulin|need to inject|live like|work like|wake up)(?![\w'])"
)

NEUTRAL_VERB = (
    r"(?:say|tell|ask(?= you| him| her| them| if| whether| what| why| how| a question)|explain|admit|be honest|give you|know|understand|see(?! a | the doctor| my| someone| a doctor)"
    r"|mention|add|answer|guess|remember|hear|lie|be late|go home|wait|talk to you|get back to you|think(?! about)"
    r"|believe|relate|recall|show you|point out|clarify|make sure i understand|agree|thank|have a (?:look|think)"
    r"|let you know|go back to work)(?![\w'])"
    r"|(?:you|him|her|them|people|everyone|everybody|somebody|someone|my \w+) to "
)

CHANGE_WORD = (
    r"(?:stop|quit|cut|reduce|give up|giv(?:e|ing) (?:it |them |that )?up|change|start|get (?:help|fit|healthy"
    r"|better|back|sober|clean|in shape|on top|organi[sz]ed|my life|some|feedback|a mentor|promoted|checked)|lose"
    r" (?:weight|some weight|\w+ pounds|a few|the weight)|exercis\w*|walk\w*|run\w*|jog\w*|swim\w*|cycl\w*|go to"
    r" (?:the gym|a meeting|meetings|the doctor|the clinic|bed earlier)|gym|eat(?:ing)? (?:better|healthier|healthy"
    r"|less|more (?:fruit|veg)|properly|breakfast)|tak(?:e|ing) (?:my|the) (?:medication|meds|insulin|tablets|pills"
    r"|blood)|check(?:ing)? (?:my|the) (?:sugar|blood|feet|levels)|see (?:a|the|my) (?:doctor|nurse|gp|counsellor"
    r"|therapist|specialist)|work on|deal with|fix|sort (?:it|this|things) out|make (?:a change|changes|time)"
    r"|be (?:healthier|better|fitter|there for|a better|more|around|present|sober|clean|a good|the kind)|talk to"
    r"|ask (?:for|my|about|hr)|delegat\w*|say no|set (?:boundaries|limits|a|up)|learn|apply|leave (?:work )?on time"
    r"|leave earlier|take (?:a break|breaks|time off|a step|lunch|the stairs|a walk)|sleep|rest|improve|prioriti[sz]e"
    r"|plan|book|join|sign up|call|phone|cook|switch|swap|replace|throw (?:them |it )?(?:out|away)|get rid|lead|grow"
    r"|develop|mentor|speak up|reach out|look after|take care|control my|manage my|lower|bring (?:it|my) down|read"
    r"|practi[cs]e|block|schedule|focus on|find (?:a|another|some|time|help|a way)|patches|gum|nicotine|do something"
    r"|do better|do more|something about|something different|things differently|cutting|stopping|quitting"
    r"|changing|go back to (?:the gym|work|running|swimming|classes|the group|meetings)"
    # Past steps that are change in themselves; "talked", "called" or "made" are only a story until their
    # complement says what changed.
    r"|stopped|quit|reduced|gave up|given up|joined|signed up|booked|(?:threw|thrown) (?:them |it )?(?:out|away)"
    r"|got rid|switched|swapped|lost (?:weight|\d|a|some|five|ten|two|three|half)|been (?:sober|clean|dry|good"
    r"|better|walking|going to the gym|exercising|cutting|eating better|saying no|delegating|practi[cs]ing"
    r"|swimming|running|cycling|cooking)|was able to|working on|saying no|getting (?:better|help|fit)"
    r"|doing (?:better|more exercise)|say no|ask (?:for|my|about|hr|someone)|see (?:a|the|my) (?:doctor|nurse|gp"
    r"|counsellor|therapist)|(?:asked|talked to|spoke to|called|phoned|emailed|booked|rang) (?:my |a |the )?(?:doctor"
    r"|nurse|gp|hr|counsellor|therapist|manager|boss|clinic|mentor|dietitian|quitline)|sober|clean|dry|yoga|pilates"
    r"|weights|doing (?:yoga|pilates|exercise|exercises|sport|weights)|go (?:running|walking|swimming|cycling"
    r"|jogging|for a (?:walk|run|swim))|going to (?:the gym|meetings|aa|classes|a class)|using (?:the )?(?:patches"
    r"|gum|app|spray|lozenges|inhalator)|inject\w*|insulin|medication|meds|tablets|pills|promotion|promoted"
    r"|the (?:role|job|course|training)|a new (?:job|role)|training|coaching|help|support|(?:manage|cope|live"
    r"|function|sleep|relax|go|do|last) without|without (?:it|them|a drink|a cigarette|my|cigarettes|alcohol"
    r"|drinking|smoking))(?![\w'])"
)

# A complement that points back at what was proposed: "i can't do that", "i won't do it".
PROPOSAL = (
    r"(?:(?:do |try |manage |face |handle |give )?(?:it|that|this|them|those|my \w+)(?: (?:now|yet|today|again"
    r"|right now))?|go there|yet|now|for (?:it|that|this)|(?:talk|think|go) (?:about|into) .*)"
)

PAST_ATTEMPT = (
    r"(?<![\w'])(?:before|in the past|years ago|last year|once|a few times|many times|so many times|loads of times)"
    r"(?![\w'])"
)

# Being able to manage the habit is minimising, not ability to change.
CONTROL = (
    r"(?:handle|control|manage|take|cope with) (?:it|my drinking|my drink|the drinking|that|my smoking)(?![\w'])"
    r"|function|do my job|go to work|drive|work fine"
    r"|stop (?:any ?time|whenever|if i want|when i want)"
)
