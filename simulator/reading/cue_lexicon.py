"""Word lists the move reader looks for, written from MI (MITI 4.2.1) and coaching practice.

Every entry is a regular-expression fragment matched against text that has already been
lower-cased, stripped of terminal escapes and had its contractions restored (see
`simulator.reading.moves`), so entries are written in lower case with straight apostrophes.
Fragments are grouped by what they *do* in a coaching conversation, not by part of speech;
`simulator.reading.moves` compiles each group once, at import.

Nothing here was mined from a data set: the lists come from the coaching model
(docs/COACHING-MODEL.md) and the MI literature, and are checked against measurements only
to find kinds of error.
"""

from __future__ import annotations

# The lists below are data, packed several phrases to a line so they read as lists; the
# formatter would put every phrase on its own line.
# fmt: off

# --- Speech-to-text repairs --------------------------------------------------------------
# Dictation drops apostrophes and makes a few cheap, frequent slips. Mapping them back lets
# one set of patterns serve typed and dictated lines alike.
WORD_REPAIRS: dict[str, str] = {
    "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "arent": "aren't",
    "wasnt": "wasn't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't",
    "cant": "can't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "wont": "won't",
    "youre": "you're", "youve": "you've", "youd": "you'd", "youll": "you'll", "im": "i'm", "ive": "i've",
    "thats": "that's", "whats": "what's", "hows": "how's", "wheres": "where's", "whos": "who's",
    "theres": "there's", "its": "it's", "lets": "let's", "theyre": "they're", "weve": "we've",
    "itll": "it'll", "u": "you", "ur": "your", "yu": "you", "yuo": "you", "wat": "what", "waht": "what",
    "hwo": "how", "shoud": "should", "shold": "should", "shuold": "should", "becuase": "because",
    "becasue": "because", "beacuse": "because", "cuz": "because", "cos": "because", "wanna": "want to",
    "gonna": "going to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of", "dunno": "don't know",
    "ok": "okay", "alright": "all right", "prioritize": "prioritise", "realize": "realise",
    "realized": "realised",
}

# Sounds and words that carry no act of their own when they open a sentence.
LEAD_IN_FILLERS = (
    r"uh[- ]?huh", r"mm+[- ]?hmm+", r"um+", r"uh+", r"erm+", r"er", r"ah+", r"oh", r"hm+",
    r"mm+(?:[- ]?hmm+)?", r"uh[- ]?huh", r"okay", r"all right", r"right", r"so", r"well", r"and", r"but",
    r"now", r"or", r"yeah", r"yes", r"yep", r"sure", r"i see", r"got it", r"gotcha", r"you know", r"i mean", r"like",
    r"anyway", r"then", r"about(?= (?:how|what|when|where|which))", r"great", r"good", r"cool", r"wow",
    r"fine", r"alright", r"look", r"listen", r"hey",
)

# Greetings, thanks and session management (MITI has no code; the model calls it structure).
STRUCTURE_PHRASES = (
    r"hi", r"hello", r"good (?:morning|afternoon|evening)", r"(?:morning|afternoon|evening)(?: \w+)?(?=[,!]|$)", r"welcome(?: back)?",
    r"(?:it's )?(?:nice|good|great|lovely) to (?:see|meet) you(?: again)?",
    r"we(?:'ve| have) got (?:about |around )?\w+ minutes(?: left)?", r"\w+ minutes left",
    r"thanks?(?: you)?(?: (?:so|very) much)?(?: for (?:coming(?: in)?|being here|your time|making the time"
    r"|sharing(?: that)?|telling me(?: that)?|that|joining|meeting|today|talking))?(?! for being)",
    r"you're welcome",
    r"let's (?:get started|begin|start|turn|move|go back|come back|wrap|recap|look|pause"
    r"|take a (?:quick )?(?:moment|minute|step|look|break)|spend|switch|shift|talk about|think about|look at|focus)",
    r"shall we (?:start|begin|get started|move on|turn|wrap up|look|talk)",
    r"(?:so )?to (?:get started|start(?: us)? off|begin|wrap up|close|finish)",
    r"before we (?:finish|end|wrap up|start|begin|go on|move on|close)", r"moving on",
    r"next,? (?:let's|we|i'd)", r"we have (?:about |around )?(?:\w+ )?(?:minutes|an hour|half an hour)",
    r"we're (?:almost|nearly|running) (?:out of|short on) time",
    r"(?:see|talk to) you (?:next|soon|then|later)", r"bye", r"goodbye", r"take care",
    r"have a (?:good|great|nice) (?:day|weekend|evening|shift)",
    r"i'll (?:explain|tell you) how (?:this|today) (?:works|will work|goes)", r"the plan for today",
    r"today (?:i'd|we'll|we will|we're going to) (?:like to )?(?:talk|look|cover|spend)",
    r"i'd (?:also |now |just )?like to (?:start|begin|move|turn|come back|go back|wrap up|check in|summari[sz]e"
    r"|ask (?:you )?(?:about|a few|some)|talk (?:a bit |a little )?about|spend|go over|look at|check)",
    r"we're here (?:today )?to (?:talk|look|think)", r"how (?:was|is) your (?:day|week|weekend|journey|trip)",
    r"did you find (?:us|the room|the place)", r"how are you(?: doing| today| keeping| doing today)?$",
    r"can we (?:start|begin|move on|turn to|get started)", r"come (?:on )?in", r"have a seat", r"grab a seat",
    r"one (?:more|last) thing",
)

# Fillers and generic praise: acts with no content. Generic praise is deliberately not an
# affirmation (MITI: an affirmation must name a specific strength or effort).
FILLER_ONLY = (
    r"(?:um+|uh+|erm+|er|ah+|oh|hm+|mm+(?:[- ]?hmm+)?|uh[- ]?huh|okay|all right|right|yeah|yes|yep|no|nope"
    r"|sure|i see|got it|gotcha|wow|cool|nice|great|good|fine|excellent|perfect|brilliant|lovely|wonderful"
    r"|fantastic|awesome|indeed|absolutely|of course|exactly|true|totally|definitely|really|interesting"
    r"|fair enough|makes sense|that makes sense|i understand|understood|go on|carry on|and|so|well"
    r"|good job|great job|nice job|well done|good work|great work|nice work|nice one|good for you"
    r"|that's (?:great|good|nice|fine|wonderful|brilliant|excellent|fantastic|awesome|interesting|true|fair"
    r"|right|okay|cool|lovely|perfect)|good stuff|keep it up|keep up the good work|ha+|haha+|hah"
    r"|you know|i know|yes and|okay so|thank you|thanks|sorry|oh no|oh dear|oh wow|right okay|very good"
    r"|that's good to hear|good to hear|glad to hear(?: it| that)?|i'm glad|hmm okay|oh okay"
    r"|(?:that )?sounds (?:good|great|fine|okay|lovely|like a plan|interesting|right)|you know what"
    r"|(?:that's|it's) (?:a )?(?:really |very |such a )?(?:good|great|nice|lovely|fair|interesting|brilliant)"
    r" (?:idea|goal|plan|point|question|step|start|thought|one))",
)

# Greetings and thanks anywhere in a short sentence ("Jean, it's good to see you again").
GREETINGS = (
    r"hello", r"hi there", r"welcome(?: back)?", r"(?:nice|good|great|lovely) to (?:see|meet) you",
    r"thank you (?:so much |very much )?for (?:coming|being here|your time|meeting|talking|sharing)",
    r"thanks (?:so much )?for (?:coming|being here|your time|meeting|talking|sharing)",
    r"see you (?:next|in|soon|then|later|on)", r"take care", r"goodbye", r"bye", r"kia ora",
)
# Checking back after giving information (MI's elicit-provide-elicit): the information stays
# the act of the turn.
ELICIT_AFTER_INFORMING = (
    r"what do you (?:think|make of (?:that|this))(?: about (?:that|this|it))?", r"(?:does|did) that make sense",
    r"(?:do you have )?any questions(?: for me| about (?:that|this|it))?", r"how does that sound",
    r"what are your thoughts(?: on (?:that|this))?", r"how do you feel about (?:that|this)",
    r"is that (?:okay|all right|clear)", r"any thoughts(?: on (?:that|this))?", r"does that help",
)

# The coach owning a misstep ("Sorry, that came out wrong"). MITI has no code for it and it
# hands no choice to the coachee, so it is "other": never a reflection of a deficit, never
# credit as autonomy. What the coach does next carries the repair.
APOLOGIES = (
    r"(?:i'm |i am )?(?:so |really )?sorry,? (?:that (?:came|was (?:a|clumsy|rude|unfair|harsh|out of line|not|too)"
    r"|wasn't|sounded|didn't|isn't what)|i (?:didn't|shouldn't|meant|interrupted|cut|jumped|got|went|was|put|asked|'m"
    r" late|am late|keep)|if (?:that|i)|for (?:that|interrupting|being|cutting|jumping|pushing|butting|going|putting"
    r"|asking|getting|the (?:interruption|delay|wait))|let me|my bad|it came|what i|scratch)",
    r"(?:i'm |i am )?(?:so |really )?sorry$", r"i apologi[sz]e", r"my apologies", r"apologies", r"my bad",
    r"(?:that|it) came out (?:wrong|badly|all wrong|harsher|more|the wrong way)", r"scratch that",
    r"let me (?:try|put|say|phrase|ask) (?:that|it|this)? ?(?:again|another way|differently|better|a different way)",
    r"let me (?:rephrase|start again|start over|back up|take that back)", r"that's not what i meant",
    r"i didn't mean (?:it|that|to)", r"i take (?:that|it) back", r"forget i said (?:that|it)",
)

# Self-disclosure and chit-chat: "other" in the model.
SELF_DISCLOSURE = (
    r"i used to", r"when i was", r"me too", r"i remember when",
    r"in my (?:day|old job|last job|experience as)",
    r"my (?:own|wife|husband|partner|kids?|son|daughter|mum|mom|dad|dog|cat|first)",
    r"i (?:had|have) (?:the same|a similar)", r"same here", r"i know the feeling", r"(?:the )?weather",
    r"did you see the (?:game|match|news)",
)

# --- Confront: disagree, correct, blame, warn, label, moralise, sarcasm -----------------
CONFRONT_PHRASES = (
    # labels and moralising about identity or role
    r"that's not how (?:a|an|the|any) \w+(?: \w+)? (?:behaves|acts|works|does things|should act|should behave)",
    r"(?:a|any) (?:good|real|proper|decent|professional|competent|responsible|senior|experienced|qualified"
    r"|registered) \w+(?: \w+)? (?:would|wouldn't"
    r"|doesn't|don't|does|should|shouldn't|never|always)",
    r"(?:good|real|proper) (?:nurses|managers|teachers|engineers|leaders|professionals|salespeople|staff)"
    r" (?:don't|do|would|wouldn't|never|always)",
    r"you(?:'re| are) (?:being )?(?:so |very |really |just |too |pretty |quite )?(?:lazy|unprofessional|careless"
    r"|sloppy|defensive|difficult|stubborn|irresponsible|disorgani[sz]ed|negative|dramatic|selfish|rude|useless"
    r"|incompetent|unreliable|in denial|overreacting|making excuses|not listening|not trying|wrong|the problem"
    r"|always late|never on time|a liability|letting (?:everyone|the team|us|me|them) down|not pulling your weight)",
    r"you (?:always|never|constantly|keep|just keep) (?:miss\w*|forget\w*|blam\w*|complain\w*|com(?:e|ing) in late"
    r"|(?:turn|show|turning|showing)(?:ing)? up late|leav\w* early|mak\w* excuses|ha(?:ve|ving) an excuse|mess\w* up"
    r"|get\w* it wrong|do(?:ing)? this|say(?:ing)? that|push\w* back|argu\w*|interrupt\w*|run\w* late|drop\w* the ball)",
    r"you never (?:listen|finish|follow through|do (?:what|as)|learn|get it|meet|hit|turn up on time|answer|ask for"
    r" help|take (?:responsibility|feedback))",
    r"that's (?:not|hardly) (?:good enough|acceptable|professional|okay|on|the point|true|right|an excuse|fair)",
    r"that's (?:unacceptable|unprofessional|ridiculous|nonsense|rubbish|no excuse|just an excuse|your problem"
    r"|not my problem|a cop[- ]out|irresponsible|lazy|wrong|not true|simply not true)",
    r"(?:this|that) (?:can't|cannot) (?:go on|continue|keep happening|happen again)",
    r"(?:stop|quit) (?:making excuses|complaining|whining|blaming|moaning|being)", r"no more excuses",
    r"(?:just|only) (?:an )?excuses?", r"excuses,? excuses",
    r"i'm (?:really |very )?disappointed (?:in|with) you", r"you should (?:know|have known) better",
    r"you should be ashamed", r"shame on you", r"what (?:were|was) you thinking", r"what is wrong with you",
    r"what's wrong with you", r"how (?:could|can) you (?:not|be so|possibly|let)",
    r"how many times (?:do|have) i", r"i(?:'ve| have) told you", r"as i (?:keep saying|said before|told you)",
    # warnings and threats
    r"(?:or|otherwise) (?:else|there will be|you'll (?:be|lose|get)|we'll have to)",
    r"if you (?:don't|do not|can't|won't|keep) (?:\w+,? ){0,8}(?:you'll|you will|you're going to|you are going to"
    r"|you could end up|you might end up|there will|there'll|we'll|i'll have to|i will have to|it will|it'll)",
    r"you(?:'d| had) better", r"(?:this is|consider this) (?:your|a) (?:final |last |formal )?warning",
    r"(?:disciplinary|formal warning|performance improvement plan|written up|write[- ]up|hr will)",
    r"you(?:'re| are) going to (?:lose|get fired|be fired|get sacked)",
    # disagreeing and correcting
    r"^(?:no|nope),? (?:that's|it's|you're|you are|it isn't|it is not|that isn't|that is not) (?:not|wrong|just|an"
    r" excuse|nonsense|rubbish)", r"i (?:don't|do not) (?:agree|buy (?:it|that))", r"i disagree",
    r"that's not (?:what|how) (?:happened|it works)", r"^come on(?! in)", r"^seriously",
    r"you can't (?:be serious|seriously)", r"^(?:let's )?be (?:honest|real)(?! with yourself about what)",
    r"admit it", r"face it", r"face (?:the )?facts", r"you(?:'re| are) not (?:the only one|special)",
    r"(?:everyone|everybody) else (?:manages|can|does|copes)", r"it's not (?:that|so) (?:hard|difficult)",
    r"how hard (?:can it be|is it)",
    r"you need to (?:take responsibility|own (?:this|it|that|your)|grow up|get a grip|pull yourself|step up|sort"
    r" (?:it|this|yourself) out|get your act together|stop)", r"take some responsibility", r"man up",
    r"toughen up", r"get over it", r"that's on you", r"that's your fault",
    r"(?:it's|it is) your (?:own )?fault", r"blame yourself",
    r"you(?:\'re| are) (?:way |far |much |just |being )?too (?:soft|nice|slow|emotional|sensitive|negative|passive|laid back|relaxed|lenient|precious)",
    r"that\'s (?:the|your) (?:real |whole )?problem", r"act like (?:it|a|an|one)",
    r"is it possible you(?:\'re| are) (?:overreacting|exaggerating|being)",
    r"you(?:\'ve| have) been coasting",
    # labels: a verdict on the person, however calmly said
    r"you(?:'re| are|'ve| have)(?: just| basically| simply| still| really)?(?: been| being)? (?:coasting|slacking|cruising"
    r"|phoning it in|going through the motions|resting on your laurels|dragging your feet|winging it|not engaging"
    r"|not taking (?:this|it|things|your \w+) seriously|non[- ]?compliant|not compliant|in breach|unmotivated"
    r"|not motivated|not committed|noncommittal|resistant|a problem|a poor|the weak link|behind on everything)",
    r"you (?:always|never|constantly|keep|tend to) (?:\w+ ){1,4}(?:to|until|till) the last (?:minute|moment|second)",
)

# Sarcasm: an approving word at the start, followed by a deficit. "Great, another late shift."
SARCASM_OPENERS = (
    r"(?:oh )?(?:great|wonderful|fantastic|brilliant|lovely|perfect|terrific|nice|super|marvell?ous|excellent"
    r"|well done|congratulations|congrats|bravo|nice one|thanks a lot|thanks for nothing|how nice|how lovely"
    r"|good job|way to go|real(?:ly)? nice|so glad|nice of you)",
)
SARCASM_TAILS = (
    r"another", r"again", r"late", r"finally", r"for once", r"decided to (?:show|join|turn)",
    r"(?:show|turn)(?:ed)? up", r"missed", r"forgot", r"yet again", r"as usual", r"for a change",
    r"gracing us", r"bother(?:ed)?", r"just what (?:we|i) needed", r"mess", r"excuse",
)
# Phrases that are sarcastic wherever they stand.
SARCASM_PHRASES = (
    r"nice of you to (?:join|show|turn|come|bother)", r"so glad you could (?:make it|join|bother)",
    r"thanks for (?:finally|nothing|bothering|gracing)", r"must be nice",
    r"look who (?:decided|finally|showed)", r"(?:yeah|oh),? right", r"because that(?:'s| has) worked so well",
    r"as if that(?:'s| will| would)", r"good luck with that", r"how (?:very|awfully) (?:kind|nice|generous)",
    r"big surprise", r"what a surprise",
    r"well,? that(?:'s| was) (?:just )?(?:great|brilliant|wonderful|fantastic)",
    r"another (?:late|missed|lost)",
)

# Blaming "why" questions. "Why didn't you..." is a question with deficit focus; the
# "always/never" version labels the person and counts as confront.
BLAMING_WHY_LABEL = (
    r"why (?:are|were|do|did) you (?:always|never|constantly|still|even)",
    r"why (?:can't|couldn't|won't) you (?:ever|just|simply)", r"why (?:is it|does it) always",
    r"why (?:on earth|the hell|in the world)", r"why would you (?:ever|even|do that|think)",
)
BLAMING_WHY_QUESTION = (
    r"why (?:didn't|haven't|hadn't|wasn't|weren't|isn't|aren't|hasn't|can't|couldn't|wouldn't|won't|don't you"
    r" ever) (?:you|it|that|this|the|your|anyone)", r"why (?:did|do) you (?:let|miss|forget|skip|leave|not)",
    r"why (?:is|was|are|were) (?:it|this|that|the|your) \w+(?: \w+)? (?:late|not done|unfinished|missing|behind"
    r"|overdue|incomplete|wrong)", r"how come you (?:didn't|haven't|never|still|always|can't|couldn't)",
    r"what stopped you (?:from )?(?:finishing|doing|getting|completing|handing|submitting)",
    r"why (?:are|were) you (?:late|behind|so late|so slow)",
)

# --- Advice and advice disguised as questions -------------------------------------------
ADVICE_PHRASES = (
    r"you (?:really |just |definitely |absolutely |seriously |honestly )?(?:should|shouldn't|ought to|must(?! (?:be|have|like|feel|think|know|love|hate|get|find|wonder|miss|wish|dread|worry|sometimes|really|long"
    r"|enjoy|care|'ve|ve))|mustn't"
    r"|need to|needn't|have to|gotta|got to)(?! be proud)"
    r"(?! feel proud)(?! give yourself credit)", r"you(?:'d| would) (?:do well|be better off|be wise) to",
    r"you (?:could|might|may) (?:want to|wish to|try|just"
    r"|always|consider|think about|start|stop|make|ask|talk|speak|set|use|get|go|write|delegate|prioritise)",
    r"you can (?:just|always|try|simply)", r"i(?:'d| would) (?:suggest|recommend|advise|urge|encourage you)",
    r"i (?:suggest|recommend|advise|urge)", r"my (?:advice|suggestion|recommendation)", r"if i were you",
    r"i think you (?:should|need|ought|must|have to|could try|might try)",
    r"the (?:best|right) thing (?:to do )?(?:is|would be)",
    r"what you (?:need|should do|have to do|ought to do|must do) is",
    r"the (?:answer|solution|trick|key) is (?:to|just)",
    r"it(?:'s| is| would be) (?:very |really |so )?(?:best|better|wise|important|essential|crucial|vital)"
    r" (?:if you|that you|to|for you to)",
    r"make sure (?:you|to)", r"don't forget to", r"remember to", r"be sure to", r"^try (?:not )?to",
    r"^it(?:'s| is) time (?:you|for you to)", r"(?:it's|it is) up to you to",
    r"(?:one|the) thing you (?:can|could|should|might) do is", r"do you not think you (?:should|could|need)",
    r"maybe you (?:should|could|need to|ought|might want)",
    r"perhaps you (?:should|could|need to|ought|might want)", r"you(?:'ll| will) (?:need|have) to",
    r"it might (?:help|be worth|be good) (?:if you|to|for you)",
    r"it would (?:help|be good|be worth) (?:if you|to)",
    r"you'll (?:feel|be) (?:better|fine) (?:if|once|when) you",
    r"you can (?:talk to|ask|call|go to|speak to|start)",
    r"^you don't want to (?:let|leave|wait|miss|risk|ignore|skip) (?:that|this|it)",
    # the coach's own requirement or prescription, however politely put
    r"you (?:really |just |probably |definitely )?need (?:more|less|a bit more|a little more|some more|a (?:better|proper"
    r"|new|bit of|lot more))", r"we(?: really| definitely| just)? (?:need|have|must|'ve got|'ll need|will need) to"
    r"(?! (?:talk about (?:what|how|where|whether|why|anything)|talk it|look|think|explore|hear|understand|figure"
    r"|work (?:out|this|it|together)|find out|get to know|check in))",
    r"(?:from now on|going forward),? (?:you|we|i(?:'d| want| need| expect))", r"(?:every|each) \w+ from now on",
    r"i (?:need|want|expect|require) you to(?! (?:imagine|think|picture|tell|describe|consider what|notice|know))",
    r"we(?:'d| would)? (?:strongly )?(?:suggest|recommend|advise|urge)", r"i (?:can't|cannot|wouldn't) recommend",
    r"(?:the|your) (?:next|first|only) step (?:is|will be|would be) (?:to|for you to)",
)
# Advice dressed as a question: these open the sentence ("Have you tried just staying later?").
ADVICE_QUESTIONS = (
    r"how about (?:you |we )?(?:just )?\w+ing\b",
    r"how about (?:you |we )?(?:just |trying |making |setting |writing |asking |talking |getting |starting |doing"
    r" |using |taking |staying |going |putting |having )",
    r"what about (?:just )?(?:trying|making|setting|writing|asking|talking|getting|starting|doing|using|taking"
    r"|staying|going|putting|having|delegating|booking|blocking|cutting|keeping)",
    r"why (?:don't|wouldn't|won't) you (?:just |simply |try |make |set |write |ask |talk |get |start |stop"
    r" |use |take |stay |go |put |delegate |book |block |cut |keep |speak |have |do |come |leave |try|make)",
    r"why not(?: just)? (?!a |an |the |one|two|three|four|five|more|less|higher|lower|zero|\d)\w+",
    r"have you (?:ever )?(?:tried|considered|thought (?:about|of)) (?:just |simply )?(?!what|how"
    r"|why|where|when|which|who|whether|if|anything|any|that|this|it|about|of)\w+",
    r"have you (?:ever )?(?:tried|considered|thought (?:about|of)) (?:just |simply )?\w+ing",
    r"(?:could|can|would|will) you (?:not )?just ", r"can't you (?:just|simply)",
    r"couldn't you (?:just|simply)?", r"wouldn't it be (?:better|easier|simpler|smarter|good|wise) (?:to|if)",
    r"don't you think (?:you should|you ought|you need|it would be better|it's time)",
    r"isn't it (?:time|better|about time) (?:you|to|that)", r"shouldn't you", r"wouldn't you be better",
    r"do you not think you (?:should|could|need)",
    r"(?:do|don't) you think (?:you should|you ought|you need|it would be better|it's time)",
    r"what if you (?:just|simply|tried|were to|stopped|started)",
)

# A sentence that opens on one of these bare verbs is an instruction.
IMPERATIVE_VERBS = (
    r"make", r"stay", r"try", r"stop", r"start", r"get", r"take", r"set", r"go", r"ask", r"speak", r"write",
    r"use", r"delegate", r"prioritise", r"remember", r"keep (?:a|an|it|the|your|track|trying|doing|at|going)",
    r"put", r"call", r"email", r"book", r"schedule", r"cut", r"drink", r"eat", r"sleep", r"exercise",
    r"stick", r"leave", r"be", r"don't", r"do", r"check",
    r"just (?:do|make|stay|try|get|go|ask|tell|say|stop|start|keep|leave|be|take|put|call|write|use|delegate|accept)",
    r"give", r"find", r"learn", r"read", r"join", r"sign up", r"apply", r"quit", r"skip", r"avoid", r"limit",
    r"reduce", r"note", r"log", r"block", r"turn", r"focus on", r"consider", r"block out", r"plan",
    r"prepare", r"finish", r"complete", r"submit", r"hand in", r"send", r"update", r"chart", r"document",
    r"arrive", r"come in", r"ring", r"phone", r"text", r"tell (?:them|him|her|your|the)", r"talk to",
    r"say (?:no|yes)", r"push back", r"let (?:them|him|her) know", r"never", r"always", r"breathe", r"relax",
    r"calm down", r"cheer up", r"chill", r"lighten up", r"ignore", r"forget (?:about )?it", r"move on",
    r"have a (?:look|go|think|word|chat|try|read)",
)

# Permission and softeners that turn advice into advice_with_permission (MITI: persuade
# with permission / emphasise autonomy when advising).
PERMISSION_OFFERS = (
    r"(?:could|can|may|might) i (?:share|offer|suggest|tell you|give you|make a suggestion|add|mention|throw in"
    r"|run something|pass on|put forward)",
    r"(?:would|will|is|could) (?:it|that) (?:be )?(?:okay|all right|helpful|useful|fine) (?:if i|for me to|to)"
    r" (?:share|shared|offer|offered|suggest|suggested|tell|told|give|gave|make a suggestion|made a suggestion|add"
    r"|added|mention|mentioned|pass on|passed on|go over some|went over some|run (?:an|a|some)|ran (?:an|a|some))",
    r"would it help (?:if i|to hear|you if i) (?:shared|told|gave|suggested|offered|share|tell|give)?",
    r"(?:do|would) you mind if i (?:share|offer|suggest|tell|give|make|add|mention|pass on)",
    r"would you (?:like|want) (?:me to (?:share|suggest|tell|give|offer)|some (?:information|ideas|suggestions|advice"
    r"|tips)|to hear|a few (?:ideas|suggestions|tips)|an idea|a suggestion|my|to know what)",
    r"(?:are|would) you (?:be )?(?:interested|open) (?:in|to) (?:hearing|some|a|an|my|what)",
    r"(?:some|other|many|a lot of|lots of|most) (?:new )?(?:people|nurses|managers|teachers|colleagues|folks|reps"
    r"|engineers|teams|salespeople|supervisors) (?:have )?(?:find|found|tried|say|said)",
    r"(?:something|one thing|an idea|a few ideas|a couple of ideas|a couple of things) that (?:has )?"
    r"(?:helped|worked for) (?:others|other people|some people|other \w+)", r"i have an idea",
)
# Softeners leave the choice with the coachee. With an offer or a suggestion they make it
# advice_with_permission; standing alone they emphasise autonomy.
PERMISSION_SOFTENERS = (
    r"take it or leave it",
    r"(?:feel free|you're free|you are free) to (?:ignore|disagree|take|leave|reject|use)",
    r"see (?:if|whether|what|which)(?:,? if any,?)? (?:of )?(?:it|this|that|these|them|which|those)?"
    r" ?(?:fits|fit|works|work|resonates|suits|suit)",
    r"(?:it|this|that) may (?:or may )?not (?:fit|work|apply|suit)", r"it might not fit",
    r"you may or may not", r"only if (?:it|that|you) (?:fits|helps|want|like|is useful|it's useful)",
    r"(?:whether|if) (?:any of )?(?:this|that|it) (?:fits|works|is useful)",
    r"you can (?:ignore|take or leave|disregard) (?:it|this|that)", r"(?:use|try) it only if",
    r"which,? if any",
)

# --- Autonomy: emphasise choice, seek collaboration -------------------------------------
AUTONOMY_PHRASES = (
    r"(?:it's|it is|that's|that is) (?:entirely |completely |totally |really |all |ultimately )?(?:your (?:call|choice"
    r"|decision)|up to you)", r"(?:entirely|completely|totally|really|all) up to you", r"up to you",
    r"you(?<!made you)(?<!make you)(?<!did you)(?<!help you) (?:get to |can |will )?(?:decide|choose|pick)"
    r"(?! (?:to|on) (?:not|miss))", r"your (?:call|choice|decision)(?!s\b|[- ](?:numbers?|targets?|rates?|plans?|lists?|volumes?|quotas?|sheets?"
    r"|logs?|times?|stats|figures|counts?|cent(?:re|er)s?|records?|notes|reports?|metrics|cycles?|schedules?|activity"
    r"|blocks?|reviews?|coaching|data|sessions?|backs?|minutes|quality|scripts?|outcomes?|conversions?))",
    r"you(?:'re| are) the (?:expert|best judge|one who knows|one who decides|boss)",
    r"you know (?:yourself|your life|your situation|this|best|(?:your|the) \w+ (?:best|better))",
    r"(?:whatever|whichever) you (?:decide|choose|pick|think is best)",
    r"only you can (?:decide|know|say|choose)", r"no one can (?:decide|make you|force you)",
    r"(?:nobody|no one) (?:is going to|will|can) (?:make|force) you",
    r"you don't have to (?:do|decide|change|choose)(?: any(?:thing| of))?",
    r"if (?:you want|you'd like|you like|you wish)$",
    r"(?:there's|there is) no (?:pressure|rush|right answer|wrong answer)",
    r"let's (?:figure|work) (?:this|it) out together",
    r"(?:we can|we could) (?:work|figure) (?:this|it) out together",
    r"you(?:'re| are) in (?:charge|control|the driving seat|the driver's seat)",
    r"(?:you can|feel free to) (?:say no|stop me)",
    # reassurance that takes a demand off the table
    r"don't (?:worry|stress|panic) (?:about|over) (?:that|it|this|the|your|any)", r"don't worry(?: for now)?$",
    r"(?:there's )?no need to (?:worry|rush|decide|hurry|have it all)",
    r"don't (?:feel (?:like )?you (?:have|need) to|rush|hurry)",
    r"(?:we can|let's) (?:park|leave|put) (?:that|it|this|the \w+)(?: \w+)? (?:aside|for now|for later|to one side|on"
    r" hold)", r"(?:take|taking) (?:your|all the) time", r"in your own time",
)
# Questions that hand the agenda or the choice to the coachee (MITI: seeking collaboration).
AUTONOMY_QUESTIONS = (
    r"what would you like to (?:focus on|talk about|work on|start with|cover|explore|look at|spend|get out of|do first"
    r"|discuss)", r"where would you like to (?:start|begin|go)",
    r"what (?:do|would) you want to (?:focus on|talk about|work on|start with|cover|explore)",
    r"how would you like to (?:use|spend|proceed|approach)",
    r"what feels (?:most )?(?:important|useful|right) (?:to (?:talk about|focus on|cover|start with))",
    r"which (?:one|of (?:these|those|the \w+))(?: \w+)?(?:,? if any,)? (?:would you|do you) (?:like|want|prefer) to",
    r"(?:is it|would it be|would that be) (?:okay|all right|fine) (?:with you )?(?:if we|to|if i ask|for us to)"
    r" (?:talk|talked|look|looked|go over|went over|spend|spent|discuss|discussed|come back|came back|focus|focused"
    r"|explore|explored|ask|asked|turn|turned)",
    r"(?:do|would) you mind if (?:we|i ask)", r"what do you think (?:would|might) work (?:best )?for you",
    r"how does that sound to you", r"does that (?:sound|feel) (?:okay|all right|like a plan)",
    r"would that be okay with you",
)

# --- Questions ----------------------------------------------------------------------------
# Open or closed is settled by what the question asks the coachee to do (MI function), not by
# its grammar alone. Open: it invites an account, a story, a list or a stance ("Can you tell me
# about...?", "Anything else?", "Any other ideas?", "When was a time you...?", "Where are you
# with all this?", "Do you have a plan, or...?"). Closed: it asks for yes/no, one fact, a number
# or a pick from a menu ("Is Tuesday still your day off?", "What time...?", "Which suits you,
# mornings or evenings?", "What have you tried? Patches or gum?"). An "or" inside a wh-question
# lists examples and leaves it open ("What made you pick law or journalism?"); a scale with
# numbers asks for a number and is closed.
# Invitations that MITI counts as open questions though they end without "?".
OPEN_INVITATIONS = (
    r"tell me", r"talk me through", r"walk me through", r"take me through", r"describe",
    r"say (?:a bit |a little )?more", r"help me understand",
    r"i'm (?:curious|wondering) (?:about|what|how|why|where|when|which|who)",
    r"i'd (?:like|love) to (?:hear|know|understand) (?:more|about|what|how|why)",
    r"share (?:with me|a bit|more)", r"imagine", r"picture (?:yourself|it|this|a|the)",
    r"think (?:of|about|back to) (?:a|the|one) (?:time|moment|day"
    r"|shift|occasion|example|person)", r"give me an example", r"paint (?:me )?a picture", r"fill me in",
    r"explain (?:to me )?(?:what|how|why)",
    r"(?:could|can|would) you (?:tell|describe|say|walk|talk|share|explain"
    r"|give me|paint|help me|expand|elaborate|picture|imagine|think of|think back|remember)",
    r"(?:could|would) you be willing to (?:tell|describe|share|say)",
    r"why don't you (?:tell|talk|walk|say|share|describe|start by telling)",
    r"any (?:thoughts|ideas) (?:about|on)", r"(?:could|can|would) you (?:repeat|remind|run me through|go through)",
    r"(?:can|could|may) i ask(?: you)?,?(?: (?:uh|um|er|erm),?)? (?=what|how|why)",
    r"(?:is|are) there (?:anything|anyone|any other|other|some other|something|things|any (?:things|ideas|ways|reasons"
    r"|changes|options))",
    # "When was a time you felt that way and it went well?" asks for a story, as "tell me about a time" does.
    r"when (?:was|were|is|has been) (?:the|a|one|some) (?:time|times|moment|occasion)",
    r"do you have any (?:idea|ideas|thoughts|sense|feeling|feelings|views)",
    # "Can you think of anything...?" asks for a list; "do you think any of those would work?" asks
    # an opinion of yes or no, so a bare "think" opens only a wh-clause.
    r"(?:do|did|can|could) you (?:know|remember|imagine|say|tell me|think of|think about) (?:of |about )?(?:what|how"
    r"|why|where|when|who|which|anything|any|some)", r"(?:do|did|can|could) you think (?:what|how|why|where|when|who"
    r"|which)", r"anything (?:else|more)",
    # "Any other ideas?", "any not-so-good things about it?": asks for more of a kind, as
    # "anything else?" does (a list to elaborate, not a yes/no); "any other family members?"
    # asks a fact and stays closed.
    # "Any concerns?" or "any problems?" on their own still ask yes or no.
    r"any (?:other |more |further |(?:not[- ]so[- ]|less )?good |bad )(?:things|thoughts|ideas|reasons|concerns"
    r"|worries|ways|options|benefits|downsides|problems|changes|strategies|examples)",
    r"any (?:things|thoughts|ideas|reasons|ways|strategies|examples)",
    r"talk to me (?:about|a (?:little |bit )*more|more)", r"i (?:just )?(?:want(?:ed)?|'d like|would like) to (?:simply |just )?ask"
    r" (?:you )?(?:what|how|why|about|a bit about)",
)
WH_OPENERS = (
    r"(?:what|what's|how|how's|why|when|where|where's|which|who|who's|whose|whom|what're|what've|why'd|how'd"
    r"|what'd|where'd|who'd|how're|why's)"
)
AUX_OPENERS = (
    r"(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|shall|should|may|might|must|am|isn't"
    r"|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't|wouldn't|won't|shouldn't)"
    r" (?:you|your|it|that|this|there|they|he|she|we|i|anyone|anything|someone|something|the|any|a|an|things"
    r"|everything|people|y'all)",
    r"(?:something|anyone|any) (?:else|more|other)", r"anything other",
    r"any (?:thoughts|ideas|questions|concerns|plans)", r"(?:is|are) there",
    # A sentence that opens on these verbs asks, whatever follows ("Is Tuesday still your day off").
    r"(?:is|are|was|were|does|did|has|will|can|could|isn't|aren't|wasn't|doesn't|didn't|won't|can't|couldn't)"
    r" (?!be\b|what\b|how\b|why\b|where\b|when\b|which\b|who\b)\w+",
)
# Wh-questions that ask for one fact, which MITI codes as closed.
CLOSED_WH = (
    # "How far are you from making that change?" asks where someone stands, like "where are
    # you with this?", not a distance: it stays open.
    r"how (?:many|much|long|often|old|far(?! (?:away )?(?:are you|do you think you are|do you feel you are) from)|soon"
    r"|late|early|big|tall|frequently)",
    r"what (?:time|day|date|year|month"
    r"|age|number|dose|percentage|grade|band|ward|unit|shift|team|floor|room)\b",
    r"when (?:is|was|are|does|did"
    r" (?:you|it) (?:start|finish|begin|end|leave|arrive|get))",
    r"where (?:do|did|are|is|were|was) (?:you|it|they)"
    r" (?:work|live|based|from|located|go|stay|sit)",
    r"who (?:is|was) your (?:manager|boss|supervisor|doctor|gp|lead)",
    r"what(?:'s| is) (?:your|the) (?:name|address|role|title|deadline|target|budget|rota|dose|number)",
    r"which (?:one|ward|shift|day|team|unit|option|of the two)\b",
    r"(?:what|which) number", r"on a scale",
    r"what(?:'s| is| was| were) the (?:longest|most|least|highest|lowest|biggest|number|name|date|time)",
)
# Ending a reflection with a check is still a reflection ("You're tired, is that right?").
TAG_CHECKS = (
    r"(?:is that|am i|have i got that|did i get that|does that sound|was that|is this) (?:right|correct|fair|close"
    r"|about right|accurate)", r"right", r"yeah", r"no", r"isn't it", r"aren't you", r"don't you",
    r"didn't you", r"wasn't it", r"is that it", r"correct", r"huh", r"eh", r"or not", r"did i get that",
    r"am i close",
)

# --- Compliance checks: questions about what the coachee did or did not do ------------
COMPLIANCE_PHRASES = (
    r"(?:did|have|were|has|had) you (?:manage|managed|been able|able|get a chance|got round|get round|get around"
    r"|remember(?:ed)?) to",
    r"(?:did|have|had) you (?:finish|finished|complete|completed|submit|submitted|do|done"
    r"|hand(?:ed)? in|send|sent|file|filed|sign|signed|update|updated|fix|fixed|sort|sorted|chase|chased|log"
    r"|logged|write up|written up|catch up|caught up|close|closed|clear|cleared"
    r"|(?:hit|meet|met|reach|reached) (?:the|your|those|these|that|this) (?:\w+ )?(?:targets?|numbers|deadlines?|quota)"
    r"|get (?:it|that|this|the|your|those|these|all)(?: \w+){0,3} (?:done|finished|in|sorted|completed|submitted))",
    r"(?:will|can|could|would) you (?:have|get) (?:it|that|this|the|your|those|these|all)(?: \w+){0,3}"
    r" (?:done|finished|in|sorted|completed|submitted|signed off)",
    r"(?:is|are|was|were) (?:it|that|they|the|your) (?:\w+ ){0,3}(?:done|finished|complete|completed|submitted"
    r"|in yet|up to date|sorted|filed|signed off|fixed|on time)", r"yet",
    r"(?:still|again) (?:not|haven't|hasn't|didn't|late|behind|missing)", r"on time",
    r"how (?:far|much) (?:behind|overdue)", r"where are (?:you|we) (?:up to )?with (?:the|your)",
    r"what happened (?:with|to) (?:the|your) (?:\w+ ){0,2}(?:deadline|audit|report|charting|notes|target|figures"
    r"|numbers|paperwork|training|appraisal)",
    r"(?:were|was) (?:the|your) \w+(?: \w+)? (?:marked|balanced|done|finished|submitted|signed|completed|filed|sent|updated|cleaned|stocked|checked)",
    r"did you (?:do|have|hold|run|complete) (?:the|your|all|those|these|all the) (?:\w+ )?(?:one-to-ones|appraisals|audit|checks|count|training|reviews|notes|charting|obs|handover|reports?|returns|stock count)",
    r"(?:have|had) you been (?:taking|doing|using|keeping up|going to|practi[sc]ing|attending|logging|charting)",
    r"(?:is|are|was|were) (?:your|the) (?:\w+ )?(?:rates?|numbers|figures|kpis?|quotas?|stats|conversions?|scores?)"
    r" (?:up|down|on target|on track|at target|in line|back up|where (?:it|they) (?:should|needs? to|ought to) be)",
    r"(?:did|have) you (?:make|made|do|done|log|logged|book|booked|complete|completed|stick to|stuck to|keep to|kept to"
    r"|get through|got through) (?:all )?(?:your|the|those|these|all) (?:\w+ )?(?:calls|visits|rounds|checks|entries"
    r"|bookings|returns|numbers|lists?"
    r"|plan|schedule|rota|budget|diet|routine|targets?)", r"(?:are|were) you on top of (?:your|the)",
)

# --- Focus cues ---------------------------------------------------------------------------
VISION_CUES = (
    r"ideal", r"dream", r"visions?", r"imagine", r"picture (?:yourself|it|a|the|this)",
    r"(?:years?|months?) from now",
    r"in (?:a|one|two|three|four|five|ten|\d+) (?:years?|years' time|years time)",
    r"(?:next|in a) (?:year|decade)", r"future", r"one day", r"someday", r"long[- ]term",
    r"going (?:really |very |so )?well", r"went (?:really )?perfectly",
    r"great (?:year|week|month|day|shift|term|quarter|career|life)", r"best (?:possible|version|case)",
    r"where do you see yourself", r"want(?:ed)? to be(?! late| fair)",
    r"(?:like|love) to be (?:doing|known|remembered|able)",
    r"would (?:you )?(?:love|like) to (?:be|do|have|see|become|achieve|create|build)",
    r"hopes? (?:for|to|that)", r"hoping (?:for|to)", r"aspir(?:e|ation|ations)", r"legacy", r"remembered for",
    r"known for", r"goals?", r"if (?:anything|everything) (?:were|was) possible", r"magic wand", r"miracle",
    r"wake up tomorrow", r"desired?", r"look like (?:for you )?(?:if|when|in)",
    r"would (?:it|that|a great \w+|things|work|life) look like",
    r"what would (?:be|look|feel) (?:different|better)", r"a great \w+ look like", r"become", r"next chapter",
    r"in an ideal world", r"(?:really|truly) want", r"wish(?:es)?", r"bigger picture",
    r"where (?:do )?you want to go", r"what would success", r"success look", r"(?:five|ten|two|three) years",
    r"would .{0,50}look like",
    r"(?:great|brilliant|good|perfect|wonderful|fantastic|excellent|amazing) (?:\w+ )?(?:year|term|week|month|day|shift|quarter)",
    r"(?:say|think|remember|know|see) (?:about|in) you",
    r"(?:like|want) (?:people|them|others|your \w+) to (?:say|think|remember|see|know|feel)",
    r"(?:you'd|you would) (?:most |really )?(?:like|love) to be", r"thriving", r"in a year(?:\'s time)?",
    r"(?:you|i) (?:really )?want (?:more|less|a |an |to (?:lead|have|get|keep|be|make|spend|work|build|grow|move|run|become))",
    r"want (?:the|your|my|our) \w+ to (?:be|feel|look|run|become)",
    r"if (?:the |your |this |work |things )?(?:next )?\w* ?went (?:really |very |so )?well",
    r"would you be doing", r"known as",
)
VALUES_CUES = (
    r"matters? (?:most )?to you", r"(?:what|that) matters", r"important to you", r"(?:most|really) important",
    r"care (?:most )?(?:about|for)", r"values?", r"valued", r"meaning(?:ful)?", r"purpose",
    r"why you (?:went|got|came)"
    r" into", r"drew you (?:to|into)", r"brought you (?:to|into) (?:this|nursing|teaching|the job|the field)",
    r"who do you want to be",
    r"kind of (?:nurse|manager|teacher|engineer|leader|person|colleague|lead|mentor|seller"
    r"|salesperson|coach|parent|doctor|clinician) (?:do )?you want", r"stand for", r"believe in",
    r"principles?", r"motivat\w*", r"fulfil\w*", r"enjoy\w*", r"lov(?<!i'd lov)(?<!would lov)(?:e|es|ed|ing)",
    r"passion\w*", r"energi[sz]\w*", r"what (?:gets|got) you (?:up|out of bed)", r"calling",
    r"why (?:do|did) you (?:do|choose|pick) (?:this|it|nursing|teaching)", r"proud to be", r"integrity",
    r"(?:for|to) your (?:patients|team|family|students|customers|clients)",
    r"(?:go|went|get|got|come|came) into (?:this|teaching|nursing|sales|engineering|retail|management|medicine|the profession|the job|the field|this work)",
    r"what keeps you (?:in|going|here|coming)", r"care (?:\w+ ){0,3}(?:about|for)", r"fair(?:ness|ly)?",
    r"respect\w*", r"honest(?:y)?", r"trust\w*", r"lose sleep",
)
STRENGTHS_CUES = (
    r"at (?:your|their) best", r"strengths?", r"good at", r"proud", r"success(?:es|ful|fully)?",
    r"succeed\w*",
    r"went (?:really |very |so )?well", r"turned out (?:well|okay|fine|great)",
    r"worked (?:really |very |so )?well", r"what(?:'s| is) working", r"skills?", r"talents?", r"handled",
    r"achiev\w*", r"accomplish\w*", r"peak",
    r"best (?:moment|day|shift|experience|work"
    r"|times?|self)", r"(?:do|did|does) (?:really |very |so )?well", r"natural(?:ly)? (?:at|good)",
    r"resource\w*", r"resilien\w*", r"coped", r"overc[oa]me", r"rebuilt", r"pulled (?:it )?off",
    r"came through",
    r"turned (?:it|things)"
    r" around", r"gifts?", r"what helped you", r"what have you (?:already )?(?:tried|done) that",
    r"track record", r"you(?:'re| are) (?:good|great|brilliant|skilled|experienced)",
    r"(?:your|the) (?:own )?(?:experience|expertise)", r"managed to (?!finish|complete|get|submit|do|hand)",
    r"learned", r"grown", r"progress", r"stuck with", r"persever\w*", r"determin\w*", r"courage", r"brave\w*",
    r"already (?:working|going well|doing well)",
    r"(?:doing|going|went|gone) (?:really |so |very )?(?:well|brilliantly|great)",
    r"a time (?:when )?you (?:helped|solved|handled|made|managed|turned|led|fixed|did something)",
    r"keep (?:turning up|going|trying|at it)", r"(?:kept|keeps|keeping) you (?:going|afloat|steady|sane)",
    r"(?:got|gets|helped) you (?:through|to keep going)", r"brilliantly", r"proudest",
    r"learn(?:t|ing)? from",
)
FEELINGS_CUES = (
    r"feel(?!s? free)\w*", r"wearing (?:you|me|him|her|them) (?:down|out)",
    r"felt", r"emotion\w*", r"mood", r"stress\w*", r"burn(?:ed|t) out", r"burnout", r"worn (?:out|down)",
    r"exhaust\w*", r"tired", r"weary", r"frustrat\w*", r"angry", r"anger", r"annoy\w*", r"irritat\w*",
    r"upset", r"sad(?:ness|ly)?", r"(?:feeling|so|really|a bit|quite|pretty) down", r"hurt\w*", r"worr\w*",
    r"anxi\w*", r"nervous", r"scared", r"afraid", r"fear\w*", r"overwhelm\w*", r"stretched", r"drained",
    r"fed up", r"disappoint\w*", r"lonel\w*", r"isolat\w*", r"guilt\w*", r"ashamed", r"shame",
    r"embarrass\w*", r"reliev\w*", r"relief", r"happ(?:y|ier|iness)", r"excit\w*", r"hopeful", r"glad",
    r"pleased", r"torn", r"feel\w* stuck", r"(?:you're|i'm|you are|i am) stuck", r"confus\w*", r"unsure",
    r"uncertain\w*", r"helpless", r"hopeless", r"discourag\w*", r"heartbr\w*", r"grie\w*", r"resent\w*",
    r"bitter", r"rough", r"frighten\w*", r"panic\w*", r"calm", r"joy\w*", r"delight\w*", r"thrill\w*",
    r"struggl\w*", r"hard (?:for|on) you", r"tough (?:for|on) you", r"(?:a lot|so much|too much) to (?:be )?(?:carry"
    r"|hold|cope with|manage|deal with|take in|juggl)\w*", r"(?:carry|carrying|hold|holding|juggling|managing|doing)"
    r" (?:it |that |this |everything |all (?:of )?(?:it |that |this )?)?(?:on your own|alone|by yourself)",
    r"(?:really |so |very |incredibly |such a |a )?(?:hard|tough|difficult|rough|painful|awful|horrible|lonely|scary)"
    r" (?:year|time|few (?:weeks|months|days|years)|week|month|day|shift|road|journey|period|spell|stretch)",
    r"(?:sounds|sound|seems|seem|must be|must have been|looks|look|has been|have been) (?:like )?(?:really |so |very |incredibly |pretty |quite )?"
    r"(?:hard|tough|difficult|painful|rough|awful|horrible|lonely|scary|a lot|exhausting|upsetting)", r"must (?:really |so |still )?miss", r"(?:you|i) (?:really |still |probably |so )?miss (?:those|that|them|him|her|it|the way"
    r"|having|being|your old|the old|home|seeing|working)", r"losing (?:her|him|them|your)", r"heavy", r"pressure", r"dread\w*",
    r"fed up", r"sick of", r"tired of", r"on edge", r"at the end of your tether", r"run ragged",
    r"ambivalen\w*", r"mixed", r"part of you",
    r"sound(?:s)? (?:tired"
    r"|exhausted|low|flat|worn|fed up|upset|down)", r"(?:how|what) (?:was|is) (?:that|it) like for you",
    r"lifts?", r"light(?:s|ed)? up", r"comes? alive", r"animated", r"spark\w*", r"buzz\w*", r"excruciating",
    r"painful", r"miserable", r"alone", r"undervalued", r"unappreciated", r"awkward", r"got to (?:you|me)",
    r"finish(?:es)? (?:you|me) off", r"not sure", r"cut out for", r"doubt\w*", r"hurts?", r"confiden\w*",
    r"fed up",
)
REAL_SELF_CUES = (
    r"right now", r"currently", r"at the moment", r"these days", r"at present",
    r"already in place", r"in place",
    r"already (?:have|got|there)", r"where (?:are you|things stand|you are) (?:now|today|at)",
    r"typical (?:day|shift|week|month)", r"how (?:many|much|often|long)", r"compared? (?:to|with)",
    r"against (?:that|this|the) (?:picture|vision|goal)", r"how close",
    r"(?:at|on) (?:the|your) (?:ward|unit|shop"
    r"|floor|team|site)", r"workload", r"day[- ]to[- ]day",
    r"(?:your|the) (?:role|job|shifts?|rota|team|patients"
    r"|caseload|classes|pipeline|numbers|figures) (?:is|are|look|looks)", r"what do you (?:do|handle|cover)",
    r"what's (?:happening|going on)", r"how are things", r"balance sheet", r"where you are",
    r"(?:your|the) (?:current|present)", r"what's there", r"what you have", r"now$", r"how big",
    r"(?:is|are) you (?:with|at)",
    r"caseload",
)
# Gap words: measured against a vision they are the balance sheet (real self); with no
# vision yet they can only be measured against someone's standard, i.e. a deficit.
BALANCE_GAP_CUES = (
    r"missing", r"lacking", r"gaps?", r"fall(?:ing)? short", r"not (?:yet )?there",
    r"still (?:need|needs|to do)", r"what needs (?:to change|work|improving)",
    r"where (?:are|do) you (?:fall|struggle)", r"development areas?",
    r"areas? (?:for|of|to) (?:improvement|develop\w*|work on)", r"improve\w*", r"weak\w*", r"blind spots?",
)
DEFICIT_CUES = (
    r"late(?:ness)?", r"behind", r"miss(?:ed|ing)", r"double[- ]?book\w*", r"over[- ]?book\w*", r"mix(?:ed)? up",
    r"non[- ]?complian\w*", r"last minute", r"mistakes?", r"errors?", r"incidents?", r"complain\w*",
    r"overdue", r"not (?:done|finished|completed|submitted|good enough|up to)", r"fail\w*", r"wrong",
    r"problems?", r"issues?", r"weakness\w*", r"fix\w*", r"get(?:ting)? in the way", r"stopping you",
    r"stop(?:ped|s) you", r"audit\w*", r"targets?", r"charting", r"deadlines?", r"write[- ]?ups?",
    r"warnings?", r"disciplin\w*", r"poor", r"slip(?:ped|ping)", r"underperform\w*", r"performance",
    r"forgot\w*", r"forget\w*", r"neglect\w*", r"sloppy", r"careless", r"delays?", r"delayed", r"backlog",
    r"complaints?", r"compliance", r"non[- ]?complian\w*", r"not on time", r"excuses?", r"blame\w*", r"fault",
    r"short[- ]?fall", r"shortcomings?", r"off track", r"dropped the ball", r"let \w+ down",
    r"(?:bad|poor) (?:habit|result|feedback|review|score)", r"negative feedback", r"pip\b",
    r"sick (?:days|leave)", r"absence\w*", r"slack\w*", r"falling behind", r"messed up", r"screwed up",
    r"went wrong", r"go wrong", r"last quarter's numbers",
)
PLAN_CUES = (
    r"next steps?", r"(?:small|first|one|tiny|little|baby|concrete) steps?", r"steps?",
    r"try (?:first|next|out"
    r"|this week|tomorrow)", r"try", r"experiment\w*", r"plans?", r"planning", r"going to (?:do|try|start)",
    r"will you", r"what will", r"this week", r"next week", r"tomorrow", r"by (?:when|friday|monday|next)",
    r"commit\w*", r"actions?", r"start with", r"first thing", r"practi[cs]e",
    r"learning (?:agenda|goals?|plan)", r"how will you know", r"what could you", r"what might you",
    r"options?", r"ideas?", r"who could (?:help|support)", r"support (?:you need|would help)",
    r"when could you", r"how could you", r"what would help", r"where to start", r"move forward",
    r"going forward", r"from here", r"make (?:it|that) happen", r"get (?:there|started)", r"what's one thing",
    r"how might you", r"what can you", r"what would it take",
    r"could you (?:learn|try|ask|do|start|practi[cs]e|talk|use)", r"support", r"make (?:it|that|this) easier",
    r"(?:do|try) next", r"trying (?:that|this|it|out)", r"up for (?:trying|it|that)",
    r"(?:on|by|next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", r"doable",
    r"willing to try",
    r"would help",
)

# --- Reflections --------------------------------------------------------------------------
REFLECTION_OPENERS = (
    r"(?:it |that )?(?:sounds|looks|seems) (?:like|as (?:if|though)|that|to me)", r"(?:it |that )?sounds",
    r"you (?:feel|felt|sound|seem|seemed|appear)",
    r"you(?:'re| are) (?:feeling|saying|telling me|wondering"
    r"|thinking|noticing|worried|concerned|hoping|finding|struggling|torn|not sure|unsure|really|pretty|quite)",
    r"so you(?:'re| are|'ve| have| feel| think| want| don't| didn't| would|'d)?", r"what i(?:'m| am) hearing",
    r"i(?:'m| am)? hearing", r"i hear (?:that|you|how|what)",
    r"if i (?:understand|hear|heard|got|get) (?:you|that|this|it)", r"let me (?:see if|check|make sure) i",
    r"in other words", r"you mean", r"(?:it's|it is) like", r"almost like", r"on (?:the )?one hand",
    r"part of you", r"a part of you", r"i (?:get|can see|sense|gather|notice) (?:that|how|the)",
    r"i (?:can )?(?:imagine|see|tell) (?:that|how|it's|this|you)", r"i wonder (?:if|whether)",
    r"i(?:'m| am) (?:sure|guessing) (?:that )?(?:it|that|this|you)", r"i bet (?:that )?(?:it|that|this|you)",
    r"i (?:guess|suspect) (?:that )?(?:it|that|this|you)",
    r"you(?:'ve| have) (?:been"
    r"|got|had|told me|said|mentioned|described|noticed|realised|decided|tried|found)",
    r"you (?:want|wanted|don't"
    r" want|need|needed|wish|hope|miss|love|like|hate|care|value|think|believe|know|don't know|can't|couldn't"
    r"|didn't|never|really|just|also|still|keep|find|get|worry|wonder|would like|'d like)",
    r"you(?:'d| would) (?:like"
    r"|rather|prefer|love)", r"your (?:voice|face|eyes|energy)", r"this (?:is|has been|sounds)",
    r"that (?:must|must've"
    r"|would|has been|was|sounds|is)", r"(?:it|this|that) (?:must|can|could) (?:be|feel|have been)",
    r"i (?:can |kind of |sort of )?(?:tell|sense|get the (?:impression|sense|feeling)|pick up)",
    r"i(?:'m| am) (?:picking up|sensing|getting the (?:impression|sense))", r"i (?:kind of |sort of )?see (?:a |some )",
    r"(?:it |that )?(?:doesn't|does not|didn't) (?:sound|seem|look) like",
)
SUMMARY_OPENERS = (
    r"so far you(?:'ve| have)",
    r"let me (?:try to )?(?:summari[sz]e|sum up|recap|pull together|see if i can"
    r" (?:sum|pull))", r"to (?:sum|summari[sz]e|recap)", r"(?:in|to) summary",
    r"you(?:'ve| have) (?:told|said|mentioned)"
    r" (?:me )?(?:a few|several|a couple|two|three|some) (?:things|reasons)",
    r"(?:a few|several|two|three|some)"
    r" things (?:you've|you have|i've heard)", r"here's what i(?:'ve)? heard",
    r"putting (?:it|this|that) together", r"so on (?:the )?one hand",
    r"from what you(?:'ve| have) (?:said|told me)",
)
# Adding one of these turns a reflection complex: a second side, a reason, a meaning.
COMPLEX_MARKERS = (
    r"on (?:the )?one hand", r"on the other(?: hand)?", r"part of you",
    r"(?:and|but) (?:at the same time|also|yet"
    r"|still|then again)", r"and yet", r"even though", r"although", r"despite", r"because", r"so that",
    r"which means", r"as if", r"as though", r"almost like", r"it's like", r"like a", r"kind of like",
    r"important to you", r"matters? to you", r"you value", r"you care", r"(?:that|this) must", r"underneath",
    r"deep down", r"what you really", r"really (?:want|matters|wants|need)", r"more than (?:just|anything)",
    r"not just", r"not only", r"as well as", r"both", r"torn", r"mixed", r"wonder if", r"maybe", r"perhaps",
    r"it's not that", r"rather than", r"instead of", r"without", r"hoping", r"afraid that", r"worried that",
    r"scared that", r"means", r"when you (?:talk|speak|describe|mention)", r"meaning", r"you're someone who",
    r"the kind of person", r"(?:and|but|yet) (?:you )?(?:still|also)", r"not for (?:lack|want) of",
    r"it\'s not (?:that|because|about|for)", r"underneath", r"nobody notices", r"must",
    r"(?:at|is) the (?:heart|core) of", r"means? (?:a lot|so much|everything|the world) to you", r"who you are",
)

# --- Affirmations: specific recognition of a strength or an effort ----------------------
AFFIRMATION_PHRASES = (
    r"you(?:'ve| have)?(?: really| actually| clearly| obviously| also| still)? (?:rebuilt|built|turned around|pulled off|managed to"
    r"|handled|stuck with|persevered|persisted|overcame|came through|got through|stepped up|took the initiative"
    r"|took the lead|put (?:a lot|so much|real|in)|worked (?:so |really |very )?hard|kept going|figured out|solved"
    r"|fought for|stood up for|went (?:the extra mile|above|out of your way)|took on|grew|mentored|supported|made"
    r" (?:real|huge|great|big|a lot of|good) (?:progress|effort|strides)|made it|achieved|accomplished|delivered"
    r"|pushed through|didn't give up|never gave up|kept at it|bounced back|showed|cared (?:so|enough|deeply)"
    r"|came back|learned|taught yourself|found a way|found the courage|spoke up|took responsibility|owned)",
    r"(?:that|it|this) (?:took|takes) (?:(?:a lot of|real|some|so much|great) )?(?:courage|guts|strength|effort|skill"
    r"|commitment|determination|patience|honesty|bravery|nerve|work)",
    r"you(?:'re| are) (?:clearly |really |obviously |very |so |such |quite |incredibly |remarkably )?(?:a )?(?:resourceful"
    r"|resilient|determined|committed|dedicated|persistent|brave|courageous|caring|thoughtful|creative|skilled"
    r"|talented|capable|strong|hard[- ]working|conscientious|generous|insightful|honest|reflective|organi[sz]ed"
    r"|someone who (?:cares|doesn't give up|takes|puts|really)|the kind of person who|natural|great with|good with"
    r"|really good at|clearly good at)",
    r"i (?:really )?(?:appreciate|admire|respect) (?:how|that|the way|your|you)",
    r"(?:it's|that's|it is|that is) (?:really |so |quite )?(?:impressive|remarkable|admirable|no small thing|a big deal"
    r"|a real achievement|quite an achievement)",
    r"(?:well done|good on you|kudos|credit to you|hats off) (?:for|on)",
    r"you should (?:be|feel) (?:really |very )?proud", r"give yourself (?:some )?credit",
    r"your (?:commitment|dedication"
    r"|persistence|determination|care|honesty|courage|hard work|effort|patience|creativity) (?:to|is|shows|really"
    r"|comes|has)", r"(?:even|despite) (?:with|though|when) .{0,60} you (?:still|kept|managed|found)",
    r"you(?:'ve| have) (?:come|grown) (?:a long way|so far)",
    r"look(?:ing)? at (?:how much|what) you(?:'ve| have)",
    r"(?:shows|showed) (?:real|a lot of|how much|great) (?:care|commitment|skill|courage|strength|leadership)",
    r"thank you for (?:being so|your) (?:honest|open|candid|honesty|openness|courage)",
    r"(?:that's|it's|that is|it is) (?:a |such a )?(?:real |great |genuine |big |huge |true |rare )?(?:strength"
    r"|gift|skill|asset|talent)",
    r"you (?:trained|coached|taught|got (?:that|the|a|him|her|them|every\w*) .{0,30}to|turned .{1,40} (?:around|into))",
    r"took (?:a lot of |real |so much |great )(?:courage|compassion|care|kindness|guts|skill|patience|commitment|strength)",
    r"your (?:patience|care|kindness|commitment|calm|energy|skill|persistence|honesty|courage)(?: \w+){0,4} (?:really )?shows",
    r"(?:grown|developed|improved|come on|progressed) (?:so much|a lot|hugely|massively|enormously)",
    r"thanks? (?:you )?for (?:being so|your) (?:honest|open|candid|honesty|openness|courage)",
    r"you(?:\'re| are) a natural",
    r"you (?:stayed|kept) (?:calm|focused|steady|your head|going|\w+(?: \w+){0,3} (?:calm|steady|focused|on track|going))",
    r"you(?:'ve| have)? (?:kept|held) (?:\w+ ){1,4}(?:running|going|together|afloat|on track|safe|calm|steady)",
    r"you(?:'ve)? (?:designed|created|launched|organi[sz]ed|led|delivered|won|landed|saved|resolved|negotiated"
    r"|calmed|rescued|turned round|transformed|championed|introduced|set up|started up)",
)

# Declarative lines that pass on facts: "information" in the model (MITI: giving information).
INFORMATION_OPENERS = (
    r"did you know (?:that )?(?=\w)", r"just so you know", r"as you (?:may |might )?know",
    r"the (?:course|training|workshop|programme|program|policy|guideline|guidance|rule|deadline|rota|meeting|review"
    r"|research|evidence|data|study|studies|trust|hospital|company|school|team|system|form|process|next|new|latest"
    r"|standard|requirement|website|app|module|scheme|service|clinic|ward|unit|budget|target)",
    r"(?:research|studies|evidence|data|the literature|surveys?) (?:shows?|suggests?|says?|finds?|found|indicates?)",
    r"there (?:is|are|was|were|will be|'s)",
    r"(?:most|many|some|a lot of|lots of) (?:people|nurses|managers"
    r"|teachers|engineers|staff|patients|customers|students)",
    r"(?:in general|generally|typically|usually|normally)",
    r"it(?:'s| is) (?:common|normal|usual|recommended|required|available|free|optional|mandatory|open)",
    r"(?:we|they|i) (?:offer|run|have|provide|can book|can arrange|send|hold)",
    r"(?:this|that) (?:course|session"
    r"|policy|form|programme|tool|is called|means)", r"(?:according to|per) ", r"(?:just )?so you know",
    r"for (?:your )?information", r"fyi",
    r"you can (?:sign up|book|register|find|apply|access|get|email|call|reach)",
    r"(?:on|every|each|next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month)",
    r"(?:in|by|from|until) (?:january|february|march|april|may|june|july|august|september|october|november|december)",
    r"i (?:can )?(?:see|notice) (?:on|from|in) (?:the|your) (?:questionnaire|form|chart|notes|records|results"
    r"|screening|survey|file|report)",
)

# Signs, anywhere in a statement, that the coach is passing on general knowledge.
INFORMATION_CUES = (
    r"(?:research|studies|evidence|guidelines?|the data) (?:shows?|suggests?|says?|finds?|recommends?)",
    r"(?:most|many|some|other|a lot of|lots of) (?:people|patients|nurses|managers|staff|clients|customers|students)"
    r" (?:find|say|tend|who|have|get|report|experience)",
    r"it(?:'s| is) (?:possible|likely|common|normal|recommended|known|proven|safe|unsafe|free|available|mandatory)",
    r"(?:can|could|may|might|will|does|do) (?:cause|lead to|increase|reduce|raise|lower|affect|damage|improve|help"
    r" with|prevent)", r"risks? of",
    r"\d+ ?(?:%|percent|per cent|drinks|units|mg|times a|hours|minutes|days a)",
    r"(?:we|i) (?:offer|run|provide|recommend|can refer|can book|can arrange|usually|normally|typically)",
    r"(?:the|our|this) (?:policy|guideline|procedure|protocol|rule|course|programme|program|service|scheme) (?:is|says"
    r"|requires|runs|covers|starts|offers)", r"what (?:we|i) (?:know|recommend) is",
    r"we(?:'ll| will| can| could) (?:set up|book|arrange|recheck|check|send|give you|start you|get you|refer)",
    r"(?:really|very|bad|harmful|dangerous|good) (?:bad |harmful |dangerous |good )?for (?:you|your|people)", r"causes", r"(?:can|could|may|might|will|to|which|that) cause", r"side effects?",
    r"(?:is|are|was|were) (?:linked|related|associated|connected) (?:to|with)", r"we know (?:that|from)",
    r"there(?:'s| is) (?:good |strong |some )?evidence", r"let me (?:just )?show you", r"risks? (?:of|for|to)",
    r"i(?:'m| am) (?:pretty |a bit |a little |really |quite )?(?:concerned|worried) (?:about|that)",
    r"the (?:common|usual|main|typical) (?:ones|effects|symptoms|signs|reasons)", r"recommend\w*", r"guidelines?",
    r"we(?:'ll| will| can| could)(?: definitely| certainly| always)? (?:talk|look|go over|come back|pick)"
    r" (?:about|at|up|to|over|through)",
)

# Strong signs that a statement is the coach's own input, not a reflection, even when it
# opens "it sounds like..." or "so you...": the coach's concern, a clinical finding, what is
# generally true of people, what a habit does, or what the coach will do (MITI: giving
# information; in AnnoMI's terms, therapist input).
INPUT_CUES = (
    # the coach's own concern
    r"i(?:'m| am) (?:\w+ )?(?:concerned|worried) (?:about|that|by|because)", r"(?:concerning|worrying|a concern|a worry)"
    r" (?:to|for) me", r"(?:it|that|this) concerns me", r"my (?:main |biggest |real )?(?:concern|worry) (?:is|would be)",
    # findings
    r"i(?:'m| am) (?:noticing|seeing) (?:a|some|that|in|on)", r"i (?:see|notice|noticed|can see) (?:on|from|in) (?:the"
    r"|your|here)", r"your (?:\w+ )?(?:results?|levels?|readings?|blood pressure|a1c|scans?|tests?|bloods|x-rays?"
    r"|cholesterol|glucose|sugars?) (?:is|are|was|were|have|has|came|show)", r"(?:the|your) (?:results?|scan|tests?|exam"
    r"|x-rays?|bloods) (?:show|shows|showed|came back|suggest)",
    # what is generally true of people
    r"(?:a lot of|lots of|many|most|some) (?:people|kids|patients|teens|teenagers|adults|smokers|drinkers|women"
    r"|men|folks|parents|students|clients)(?: who(?: \w+){1,5})? (?:find|think|say|tend|get|have|are|do|don't|report"
    r"|feel|use|start|end up|notice|struggle|experience)", r"(?:people|kids|patients|adults) who (?:\w+ )"
    r"{1,5}(?:tend|are|have|often|usually|find|get)",
    r"(?:alcohol|smoking|drinking|nicotine|caffeine|sugar|salt|exercise|stress|sleep|weight|it|this|that)"
    r" (?:can|could|may|might|will|does|is going to|tends to) (?:\w+ )?(?:cause|lead to|increase|raise|affect|damage"
    r"|harm|reduce|lower|result in|contribute|interfere|worsen|trigger|become serious)",
    r"it(?:'s| is) (?:highly |very |quite |more |really )?(?:likely|unlikely|common|normal|recommended|dangerous|harmful"
    r"|proven|known)(?! (?:for you|that you feel))", r"(?:studies|research|evidence|data) (?:has |have )?(?:shown|show"
    r"|suggests?|found)", r"the (?:recommended|safe|healthy|daily|weekly) (?:limits?|amount|dose|level|intake)",
    r"(?:increases?|raises?|reduces?|lowers?|doubles?) (?:your|the) (?:risk|chances?)", r"at (?:higher |greater |more"
    r" |a higher |an increased )?risk (?:of|for)", r"what we know (?:is|about)", r"we know (?:that|from)",
    r"(?:is|are) (?:linked|associated|connected|related) (?:to|with)",
    # the coach's own plan or action
    r"i(?:'ll| will) be (?:stopping|coming|calling|checking|sending|seeing|writing|referring)",
    r"we(?:'re| are) (?:gonna|going to) (?:work with you|help you|start you|get you|need to|have to|check|send|refer)",
    r"we(?:'ll| will| can) (?:work with you|help you|get you|set you up|refer you|book you|arrange|send you)",
    r"(?:we|i) (?:don't|do not|wouldn't) (?:really )?(?:recommend|advise|suggest)",
)

# Words too common to show that a reflection restates the coachee.
_STOPWORD_TEXT = """a an the and or but so if then than that this these those it its it's i i'm i've i'd me my mine
    you you're you've you'd your yours we we're our us they them their he she him her his hers is are
    was were be been being am do does did doing done have has had having to of in on at by for with
    about as into from up down out over just really very quite bit little lot lots kind sort like
    well yeah yes no not don't didn't can can't could would should will won't what when where which who
    how why there here all any some more most much many also too now um uh oh okay right mean know
    think thing things get got go going say said feel felt way time something anything everything
    because since even still again though ever never always maybe guess actually pretty sure"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


# Chit-chat questions: "other" in the model even though they are questions in form.
OFF_TOPIC = (
    r"did you (?:see|watch|catch) (?:the|that) (?:game|match|news|film|show|final)",
    r"(?:how|what) about (?:this|that) weather", r"(?:nice|lovely|awful|terrible) weather",
    r"are you going (?:anywhere|away) (?:nice )?(?:for|on|this)",
)
# Logistics addressed to the coachee: information, not a reflection ("You can book it online").
INFORMATION_FOR_YOU = (
    r"you can (?:sign up|book|register|find|apply|access|download|claim|ask for|get (?:it|a copy|the form)|email|call"
    r"|reach|log in|use the)",
    r"you(?:'ll| will) (?:get|receive|need) (?:an|a|the) (?:email|letter|login|link|form|invite)",
    r"you(?:'re| are) going to (?:get|need|have|take|receive|be given|be seen|see)",
    r"you(?:'ll| will) (?:get|need|have|take|receive|be given|be seen|see) (?:a|an|the|some|your)",
)
# Phrases that settle a focus on their own, whatever else the line mentions.
STRONG_VALUES_CUES = (
    r"kind of \w+ (?:do )?you want to be", r"who do you want to be", r"what matters",
    r"matters? (?:most )?to you", r"important to you",
    r"best (?:manager|boss|teacher|nurse|leader|mentor|colleague|coach) you(?:'ve)? (?:ever )?"
    r"(?:had|worked|known)", r"why (?:did|do) you (?:go|get|come) into",
    r"important (?:is (?:it|that|this) )?to you",
    r"(?:at|is) the (?:heart|core) of", r"heart of (?:it|things|this)", r"close to your heart",
    r"means? (?:a lot|so much|everything|the world) to you", r"who you are",
)
STRONG_STRENGTHS_CUES = (
    r"at (?:your|their) best", r"proudest",
    r"what(?:'s| is| are you) already (?:working|doing well|going well)",
    r"tell me about a time you (?:helped|solved|handled|made|managed|turned|led|fixed)",
)
# A reflection that opens on the coachee's feeling is about feelings, whatever it goes on to name.
FEELING_REFLECTION_OPENERS = (
    r"^you (?:feel|felt|sound|seem)(?! like you (?:could|should|need|have))",
    r"^you(?:'re| are) (?:feeling|worried|frustrated|tired|exhausted|fed up|upset|anxious|scared|stressed|overwhelmed)",
    r"^(?:it )?sounds like you(?:'re| are) (?:feeling|worried|frustrated|tired|exhausted|fed up|upset|anxious|scared"
    r"|stressed|overwhelmed)",
)
# fmt: on
