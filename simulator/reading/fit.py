"""Fit the learned reader of trainee lines on the project's labelled corpus.

    python -m simulator.reading.fit [--variants] [--grid] [--validate]

Writes `simulator/reading/reader_weights.npz` (three matrices in half precision, `model.WEIGHT_TYPE`:
`form`, features x 12, `focus`, features x 8, and `attractor`, features x 3; and the small `pair`
prior in float32), `simulator/reading/reader_features.txt`
(the feature names in row order, one a line) and `simulator/reading/reader_vocabulary.json` (class
names, the settings). Running it twice gives byte-identical files: the vocabulary is sorted, the optimiser
(L-BFGS on the full batch) has no randomness, and the .npz is written with fixed timestamps.

The split (fixed; never changed to suit a result):

- testing part: authors `d`, `h` and `n`, all their settings (call centre, sales, estate agency,
  accounting, insurance, bank; police, prison, children's social care, fire station, care home,
  charity fundraising; mental health ward, district nursing, ambulance station, radiology,
  portering, occupational therapy). Never used here: not for fitting, not for choosing anything. It is
  read only by `benchmarks/reader.py`, once per final variant.
- conversational testing part: authors `ap` and `aq`, every manager line of whole conversations
  (`CONVERSATION_TEST_AUTHORS`); never used here either.
- practice testing part: labellers `em` and `en`, every trainee line of 80 practice conversations
  on the bundled personas (`PRACTICE_TEST_AUTHORS`); never used here either.
- fitting part: authors a, b, c, e, f, g, i, j, k, l, m, o, p, q, r, s, t, u, v, w, x, y, z, the
  conversation authors ah, ai, aj, ak, al, am, an, ao, ar, as, at, au, av and aw, the hard-case
  authors bf, bg, bh, bj, bk, bm, bn, bo and bp, the authors bu and bv (the words of coaching),
  the authors bx and by (the kindness that opens and closes a meeting), the authors cd and ce
  (sweeping praise and blame of the person), cg, ch and cj (reassurance through negation, warm
  turns that open or close a meeting), co and cp (send-offs, the coachee's plan handed back,
  meaning said plainly), cr and cs (the awkward item named and set aside, invitations to go on,
  requests about the meeting itself, a quality or value named plainly, the coachee's plan handed
  back with a promise of support), cx and cy (the question its asker answers for the coachee, and
  its twins), da, db, dd and de (the words of coaching about the organisation's target and about
  the coachee's own world), dj and dk (reflections said as questions or with a check, and their
  twins), dm and dn with dp and dq (the problem named only to set it aside, and a shortfall said as
  a plain fact, a reflection or a confrontation by what the coachee said before), the practice
  labellers ei, ej, ek and el but for their gaming conversations (`fitting_part`), the counselling
  authors aa, ab and ac, plus the older
  team-written set
  `tests/reading/gold_moves.tsv` as author "team" (fitting only, never testing).
- probes: authors bi, bl, bq, bt, bw, bz, cc, cf, ci, ck, cn, cq, ct, cw, cz, dc, df, di, dl, do, dr, du, dx, ea, eh and eq
  (`PROBE_AUTHORS`),
  hard cases written to their own briefs, never fitted.

Model variants and every knob (regularisation, minimum feature count, pruning) are chosen by
leave-one-author-out cross-validation inside the fitting part: each fitting author is held
out in turn (the team set always stays in the fitting folds), the vocabulary is rebuilt on the
fitting folds only, and the pooled held-out predictions are scored on attractor macro-F1 (the
figure the product acts on), then form and focus accuracy. `--variants` prints the comparison
of (a) word + character n-grams and (c) (a) plus static word embeddings from the `wordllama`
package; `--grid` prints the knob search for the kept variant. Each of those runs fits once per
fitting author; `--validate` is the quicker check that chose the present L2 penalty and the
attractor head: one fit without authors s, t, u and v (four voices, 24 settings), read on them.
A third variant, (a) plus the old hand-written rule reader's form and focus as features, was
measured too (attractor macro-F1 0.834 against 0.832 for (a), form 0.820 against 0.823): it did
not earn its place, and the rule reader was retired. Variant (c), fitted on the whole fitting
part with the embedding at full scale (`Settings(embeddings=1.0)`, wordllama 0.4.0), read the
held-out authors no better: d, h, n 0.908 → 0.902 attractor macro-F1, ap, aq 0.800 → 0.792, the
fourteen probes' mean 0.776 → 0.773; nor the warm lines of the verdict's textbook conversations
(read as NEA, weighed by certainty, 0.020 → 0.023 a line). Fitted without the authors held out
together (`pip install wordllama`, then `python benchmarks/reader_settings.py kept embeddings`):
s, t, u, v 0.882 → 0.879, ah, aj 0.817 → 0.803, the probes' mean 0.781 → 0.769. A mean of word
vectors says what a line is about, not what it does to the listener; the reader stays on its grams.

Measured and not kept: a hidden layer, since a sum of word weights cannot let one word turn
another round (see negation scope, below). Thirty-two ReLU units shared by the three heads, their
output added to the heads' scores, refined together with the fitted heads by L-BFGS (L2 1e-3 on
the layer, 200 steps, small random starting weights from a fixed seed); with a line's units
fixed its scores are still a sum over its features, so the cues stayed exact. On one fit without
s, t, u, v, ah and aj, read on them and the fourteen probes (attractor macro-F1 / form / focus):
s, t, u, v 0.891 / 0.875 / 0.775, ah and aj 0.807 / 0.705 / 0.664, the probes' mean 0.789; the
same linear heads fitted 350 steps instead, with no layer: 0.888 / 0.878 / 0.770, 0.815 / 0.705
/ 0.665, 0.781; the kept settings: 0.882 / 0.875 / 0.760, 0.817 / 0.707 / 0.653, 0.781. Started
from random weights instead of the fitted heads (300 steps): 0.877, 0.778, 0.773. Fitted in
full: d, h, n 0.911 / 0.893 / 0.790 against 0.908 / 0.894 / 0.786, ap, aq 0.803 against 0.800,
the probes' mean 0.784 against 0.776, AnnoMI lines 0.630 against 0.636; weights of 41 MB
against 17, and reading five times slower (1,900 lines a second against 9,000; one line 1.2 ms
against 0.5): within a point of a linear model fitted longer, for a slower, larger reader.

Measured and not kept: the heads fitted longer (`MAX_ITERATIONS` 350). Fitted in full, d, h, n
0.909 / 0.895 / 0.796 against 0.908 / 0.894 / 0.786, ap, aq 0.796 / 0.704 / 0.674 against 0.800
/ 0.708 / 0.681, the probes' mean 0.778 against 0.776, AnnoMI lines 0.636 either way; over the
verdict's 540 conversations, 43 expectations missed against 40, 21 unstable against 16, and 87
textbooks compassion-led against 91; on the live set written afterwards (80 conversations held
line by line against the coachee), 9 missed against 12, 4 unstable against 8, 11 textbooks of 16
compassion-led against 10; on the second live set (seed 2), 4 missed against 2, 4 unstable
against 2. Over all 700, 56 missed against 54: line by line a little better on focus,
conversation by conversation no better, and the verdict's sets disagree with each other by more
than the two readers differ.

Measured and kept (`Settings.last_sentence`): the word 1- and 2-grams of the last sentence of a
line of several sentences (``l:``) and ``x:multi``, since the act that does the work often comes
last. On one fit without authors s, t, u, v and the conversation authors ah and aj, read on
them: s, t, u, v attractor macro-F1 0.883 -> 0.886, form 0.878 -> 0.885; ah 0.783 -> 0.799 and aj
0.792 -> 0.802 (form 0.686 -> 0.693, 0.716 -> 0.736). The first sentence's grams instead gained
about as much on the attractor and less on the form. Both together read the same authors a
little better again (0.889, ah 0.800, aj 0.814) but, fitted in full, ranked lower-cased AnnoMI
sessions worse (0.941 -> 0.926) and missed more of the verdict's expectations on its tuning
conversations (13 -> 18), for a model a fifth larger: not kept.

Measured and kept (`Settings.frame`), with the hard-case authors bf, bg and bh fitted: the frame
of a line's last question (``q:are?``, `features.question_frame`), its first word behind any
lead-in ("okay, so are there..."), which settles open against closed where neither the line's
first word nor its last sentence's finds it. On one fit without s, t, u, v, ah and aj, read on
them and on the probe bi (attractor macro-F1 / form / focus; `benchmarks/reader_settings.py`):

| | s, t, u, v | ah, aj | bi |
|---|---|---|---|
| the settings before | 0.886 / 0.885 / 0.768 | 0.800 / 0.715 / 0.658 | 0.711 / 0.531 / 0.509 |
| with the frame | 0.883 / 0.887 / 0.758 | 0.811 / 0.715 / 0.663 | 0.717 / 0.549 / 0.540 |
| with the frame and bf, bg, bh (kept) | 0.886 / 0.885 / 0.760 | 0.815 / 0.710 / 0.663 | 0.783 / 0.661 / 0.585 |

Fitted in full, against a refit of the settings before on the same machine: AnnoMI open vs
closed among lines read as questions 0.768 -> 0.777, four-behaviour macro-F1 0.630 -> 0.636;
the scorecard's AnnoMI session ranking 0.946 -> 0.943 as written, 0.943 -> 0.954 lower-cased;
the verdict's expectations missed 7 -> 9 on its tuning conversations, 11 -> 10 on held-out ones.
With bf, bg and bh fitted as well (see the corpus README): bi 0.795 / 0.665 / 0.612, the
verdict's expectations missed 10 on tuning conversations and 5 on held-out ones; AnnoMI
sessions 0.951 as written, 0.869 lower-cased, where one low-quality session of eleven coach
lines swung from 27 to 84 on a few lines read as reflections: the global ratings now take their
rates over at least twelve lines (`scoring.global_ratings.RATED_OVER_AT_LEAST`; 0.893).
The frame and no line shape together read ah and aj a little better again (0.821) and missed
fewer held-out expectations (4) but ranked lower-cased sessions worse (0.853): not kept.

Measured and not kept: turn scope (`Settings.turn_scope`: the word n-grams before a "but",
"however", "though" or "although" get their own names), since praise that opens a "yes, but"
("You're a great nurse, but...") teaches its opening words as confrontation and a plain "You're a
great nurse." is then read as one. On one fit without s, t, u, v, ah and aj, read on them and on
the probes (attractor macro-F1, `python benchmarks/reader_settings.py kept turn-scope`): s, t, u, v
0.884 -> 0.886, ah and aj 0.821 -> 0.817; bi 0.793 -> 0.783, bl 0.851 -> 0.862, bq 0.727 -> 0.733,
bt 0.738 -> 0.733, bw 0.887 -> 0.883, bz 0.711 -> 0.695, and cc (praise, sincere and turned cold)
0.662 -> 0.674: no better where it was meant to help, and no better elsewhere.

Measured and not kept: negation scope (the words up to four after "not", "no", "never", "nothing",
a "n't" word... within their clause, as features of their own, `n:disciplinary`), since "It's not a
disciplinary." was read as confrontation, 0.98 sure: a sum of word weights cannot make "not" turn
"disciplinary" round. On one fit without s, t, u, v, ah and aj, read on them and on the probes
(attractor macro-F1, with cg, ch and cj fitted): s, t, u, v 0.885 -> 0.885, ah and aj 0.820 ->
0.811; ci (reassurance built on negation) 0.699 -> 0.739, but bi 0.783 -> 0.792, bl 0.862 ->
0.857, bq 0.752 -> 0.737, bt 0.729 -> 0.714, bw 0.894 -> 0.901, bz 0.791 -> 0.801, cc 0.724 ->
0.720, cf 0.749 -> 0.743, ck 0.805 -> 0.796: the ten probes' mean 0.779 -> 0.780, and the line
it was written for still read as confrontation. Not kept.

Measured and not kept: no line shape (`Settings.line_shape`: no word-count bucket, no
``x:multi``), since "several sentences" and "long line" were the strongest cues of many warm
multi-sentence lines read as confrontation. On one fit without authors s, t, u, v, ah and aj,
read on them: s, t, u, v attractor macro-F1 0.886 -> 0.889, focus 0.768 -> 0.770; ah and aj
0.799 -> 0.816, form 0.711 -> 0.717, focus 0.658 -> 0.677. Fitted in full, the AnnoMI session
ranking held (0.948 -> 0.947), but the verdict's expectations missed rose on its tuning
conversations (8 -> 10) and held-out ones (10 -> 11), against a refit of the kept settings on the
same machine: the same warm lines were read as confrontation by their words instead ("you
can't teach that off a slide, you're right").

Measured and kept, with the same check and the second probe bl (warm turns of several short
sentences, orders with no "should" and their twins, by an author who saw no other file): the
hard-case authors bj and bk fitted (see the corpus README). Attractor macro-F1 / form / focus:

| | s, t, u, v | ah, aj | bi | bl |
|---|---|---|---|---|
| without them | 0.886 / 0.885 / 0.760 | 0.815 / 0.710 / 0.663 | 0.783 / 0.647 / 0.585 | 0.825 / 0.683 / 0.671 |
| with bj and bk (kept) | 0.884 / 0.881 / 0.762 | 0.825 / 0.721 / 0.658 | 0.763 / 0.670 / 0.585 | 0.874 / 0.762 / 0.708 |

Measured and kept, on the same check: the hard-case authors bm and bn fitted as well (warm lines
with negation, contrast or understatement, hunches, condolences, verbless fragment reflections
and summaries of the coachee's own plan, with their cold twins; see the corpus README):

| | s, t, u, v | ah, aj | bi | bl |
|---|---|---|---|---|
| with bj and bk | 0.884 / 0.881 / 0.762 | 0.825 / 0.721 / 0.658 | 0.763 / 0.670 / 0.585 | 0.874 / 0.762 / 0.708 |
| with bm and bn as well (kept) | 0.884 / 0.878 / 0.761 | 0.822 / 0.710 / 0.662 | 0.780 / 0.652 / 0.594 | 0.877 / 0.775 / 0.717 |
| with aa, ab and ac as well (kept) | 0.883 / 0.880 / 0.760 | 0.819 / 0.718 / 0.654 | 0.779 / 0.652 / 0.616 | 0.864 / 0.754 / 0.721 |

The counselling authors aa, ab and ac cost little here and were kept for what they did to
external transcripts: the scorecard's ranking of counselling sessions in lower case without
punctuation rose from 0.899 to 0.948 (see the corpus README).

Measured on the same check and not kept:
- the hard-case authors' lines counted more than once in the loss (`Settings.hard_case_weight`),
  with bm and bn fitted: twice, s, t, u, v 0.882 / 0.875 / 0.757, ah and aj 0.824 / 0.711 / 0.656,
  bi 0.781 / 0.688 / 0.598, bl 0.862 / 0.787 / 0.733; four times, 0.878, 0.817, bi 0.763, bl
  0.855: forms read a little better on the probes, the attractor no better anywhere and worse on
  bl and on the ordinary authors;
- line shape held back (`Settings.shape_penalty`, the L2 penalty of ``x:len=`` and ``x:multi`` as a
  multiple of l2): at 100, 1,000 and 10,000 every figure stayed within 0.015 of the kept
  settings (bi 0.779 / 0.793 / 0.780, ah and aj 0.815 / 0.818 / 0.823), and with bj and bk at
  1,000, bl read lower (0.867 / 0.733 / 0.713);
- the frame only where a line asks (no ``q:`` from the first word of a statement): s, t, u, v
  0.886, ah and aj 0.800, bi 0.762; or also where a statement starts like a spoken question
  ("do", "what", ...): 0.888, 0.797, 0.778;
- a line's first one to three words behind any lead-in ("right, i want..." opening as "i want..."
  does) as features of their own: s, t, u, v 0.883 / 0.880 / 0.762, ah and aj 0.820 / 0.730 /
  0.665, bi 0.745 / 0.621 / 0.580, bl 0.865 / 0.750 / 0.688, below the kept settings on both
  probes;
- the set-aside conversation authors again (`--with`): ay and be, 0.885, 0.817, bi 0.755; all
  seven of ay to be, 0.880, 0.834, bi 0.771.

Measured and kept, as a fix: greetings, thanks and apologies ("hi", "hello", "thanks", "sorry",
...) say nothing about whether a line echoes the coachee (`features._STOP`), since "hi" after a
coachee's "Hi. Sorry, I had to finish the bookings" read as a simple reflection 0.9997 sure.
Fitted in full, against the reader before: d, h, n 0.909 → 0.909, ap, aq 0.801 → 0.802, bi 0.823
→ 0.823, bl 0.861 → 0.868, bq 0.741 → 0.739, bt 0.720 → 0.719, bw 0.879 → 0.873; AnnoMI lines
0.638 → 0.642; the verdict's expectations missed 5 → 5 (tuning) and 3 → 3 (held out).

Measured and kept, as a fix: a feeling word (`valence.json`, the x:feel features and the
scorecard's feeling check alike) counts once, by the longest listed beginning it has, and not
at all when it names no feeling, since "Dad's funeral was on Tuesday" read as a positive feeling
("fun"), "funding", "painting", "badge" and "confidential" as feelings, and "hopeless" as a tie
of "hope" and "hopeless"; a loss ("died", "funeral", "passed away") counts as a hard feeling.
Fitted in full, against the reader before (`python benchmarks/reader.py --no-cv`): d, h, n
0.909 → 0.909; ap, aq 0.793 → 0.801; the twenty-one probes before du 0.7834 → 0.7838 in the
mean, du 0.783 → 0.783; AnnoMI four-behaviour macro-F1 0.634 → 0.636, lower-cased 0.616 → 0.620.
The verdict's 740 conversations: expectations missed 36 → 37, textbooks compassion-led 132 →
133 of 148, mean textbook overall 87.99 → 88.28, gaming 38.48 → 38.45. Two persona coach lines
the new reader read as NEA (0.55, 0.56 sure) are reworded.

Measured again and not kept, against the verdict's 740 conversations (five seeds each): no line
shape, and line shape held back (`shape_penalty` 1,000), since "several sentences → confront"
was still the first cue of warm multi-sentence lines read as confrontation ("Hi Tomasz. Empty doc
is fine. No report needed."). Fitted in full, against a refit of the kept settings on the same
machine (which misses 45 expectations where the weights as shipped miss 47): no line shape
missed 50, 34 unstable against 30, d, h, n 0.908 → 0.905, AnnoMI four-behaviour macro-F1 0.634
→ 0.618; held back, 46 missed, 25 unstable, d, h, n 0.907, AnnoMI 0.621. Either way the Tomasz
line still read as confrontation, by "no" and "empty" instead: the words carry it, not the shape.

Measured and not kept: joined turns (`Settings.joined_share`, `with_joined_lines`), a one-sentence
warm or neutral statement put in front of another line of the same author and setting and
labelled as that line, so that turns of two sentences are as often cold as single lines are (in
the corpus NEA is 25% of single sentences and 39% of three or more). On one fit without s, t, u,
v, ah and aj (`python benchmarks/reader_settings.py kept joined-25 joined-attractor-50`;
attractor macro-F1, form; the seventeen probes' means): kept 0.881 / 0.874, 0.824 / 0.714, probes
0.788 / 0.737; a quarter as many joined turns as lines, in every head, 0.879 / 0.873, 0.815 /
0.704, 0.788 / 0.722; half as many in the attractor head only, 0.881 / 0.874, 0.820 / 0.707,
0.788 / 0.737. Fitted in full, the lines of the verdict's textbook conversations read as NEA
(seed 0, certainty at least 0.3) rose from 70 to 87 (attractor head only) and to 129 (every head,
half as many): the joins taught the second sentence's cold words more than they untaught "several
sentences", and the Tomasz line stayed confrontation, 0.92 to 0.95 sure.

Measured and not kept: lines weighed by shape (`Settings.shape_balanced`, `shape_balance`), so that
the attractors are spread alike over lines of one, two and three or more sentences. On one fit
without s, t, u, v, ah and aj: 0.882 / 0.876, 0.821 / 0.711, the probes' means 0.792 / 0.740
(kept: 0.881 / 0.874, 0.824 / 0.714, 0.788 / 0.737). Fitted in full: d, h, n 0.906 → 0.905, ap,
aq 0.798 → 0.799, the probes' mean 0.788 → 0.787, AnnoMI lines 0.630 → 0.628; warm lines of the
verdict's textbook conversations read as NEA 70 → 54, and over its 740 conversations typed, 54
expectations missed → 49 and 34 unstable → 29, but dictated 61 → 65 and 31 → 34, with
textbooks compassion-led 125 → 125 and 119 → 117 and cold lines read less surely cold (blunt
conversations' lines read as NEA, weighed by certainty, 0.684 → 0.657 on the tuning set): one
way of writing gained what the other lost.

Measured and not kept: a line with no sentence marks given them back before it is read, in
fitting and reading alike (a full stop before the question its words start, as
`trainee_text.split_lead` finds it, and a question mark at its end), so that a dictated question
has the features of a typed one. On the reader with dj and dk (`python benchmarks/reader.py
--no-cv`): AnnoMI lines lower-cased 0.619 → 0.635 four-behaviour macro-F1 (questions F1 0.664 →
0.708), as written 0.634 → 0.641; the testing parts and probes within noise (d, h, n 0.907 →
0.908, ap, aq 0.800 → 0.800, the probes' mean 0.786 → 0.786); the AnnoMI session ranking
(`python benchmarks/quality.py`) lower-cased 0.938 → 0.950 (length-matched pairs 9 → 11 of 13),
as written 0.971 → 0.959. But the verdict's typed conversations (`python benchmarks/verdict.py
--set all`) missed 41 → 50, textbooks compassion-led 130 → 127, and a gaming conversation was
compassion-led in each mode (dictated at 79.3): typed lines without marks, of which the corpus and
trainees have many, read differently too.

Measured and kept: a line that opens with a spoken lead-in set off by punctuation ("Okay. So,
...", "Right, ...", `trainee_text.without_lead_in`) is read as said and without it, and each
head's probabilities are the normalised geometric mean of the two (`model.blend`; `predict` does
the same, so the figures here are the reader's). Most of the corpus's lines open with their act,
so the fit leans on a line's first words: behind a lead-in it was never fitted with ("Hmm. ",
"Yeah okay, ", ...) a tenth of the held-out lines changed attractor. On one fit without s, t, u,
v, ah and aj (attractor macro-F1 / form / focus): s, t, u, v 0.883 / 0.879 / 0.767 -> 0.882 /
0.878 / 0.767, ah, aj 0.821 / 0.710 / 0.660 -> 0.821 / 0.711 / 0.660, the 22 probes' mean
0.7871 / 0.7308 / 0.6862 -> 0.7865 / 0.7302 / 0.6861; behind eight lead-ins never fitted
(`benchmarks/reader_settings.py`, `UNSEEN_LEAD_INS`, half of them markers it sets aside), attractor
macro-F1 0.833 -> 0.838 and 0.795 -> 0.803, attractors changed by the lead-in 8.4% -> 7.4% and
10.2% -> 8.7%; AnnoMI counsellors' lines, a third of which open so, four-behaviour macro-F1
0.631 -> 0.640. As shipped (`python benchmarks/reader.py
--no-cv`): d, h, n 0.909 / 0.896 / 0.791 -> 0.909 / 0.897 / 0.791, ap, aq 0.801 / 0.715 / 0.681
-> 0.801 / 0.712 / 0.680, AnnoMI as written 0.636 -> 0.646 (kappa 0.563 -> 0.574), lower-cased
0.620 either way (no punctuation, no lead-in found); `read_many` about a tenth slower.
The same for a name or word set off by a comma at a line's start ("Sam, ...", "Dr Okonkwo, ...",
"Honestly, ..."): with "Sam, " put in front of every line a sixth of the held-out lines changed
attractor (likely because a name the corpus used in a few lines carries those lines' weights). On the same
fit, both set aside against the lead-ins alone: s, t, u, v 0.8819 / 0.8779 / 0.7673 -> 0.8819 /
0.8774 / 0.7667, ah, aj 0.8213 / 0.7112 / 0.6604 -> 0.8213 / 0.7112 / 0.6615, the probes' mean
0.7865 / 0.7302 / 0.6861 -> 0.7857 / 0.7295 / 0.6861, AnnoMI 0.640 -> 0.641; behind "Sam, "
attractor macro-F1 0.787 -> 0.854 and 0.755 -> 0.802, attractors changed 15.4% -> 5.8% and 14.9%
-> 6.0%; behind "Priya, " 8.7% -> 3.2% and 9.2% -> 4.3%. Leaving the interjections ("No,",
"Sorry,", "Thanks,") out of it changed nothing measurable, so the rule stays one shape.

Measured and not kept (`Settings.contract`): lines fitted and read with the pairs a speaker may
contract contracted ("you are" -> "you're", "do not" -> "don't", `contracted`). Formal and
second-language managers spell out what most of the corpus contracts, and spelt out, 5.8% of the
held-out lines of s, t, u, v that have such a pair and 8.6% of ah's and aj's changed attractor;
contracted, none can. On one fit without s, t, u, v, ah and aj, against the kept settings (both
read with lead-ins and names set aside): s, t, u, v 0.8819 / 0.8774 / 0.7667 -> 0.8839 / 0.8791 /
0.7658, ah, aj 0.8213 / 0.7112 / 0.6615 -> 0.8224 / 0.7136 / 0.6580, the probes' mean 0.7857 /
0.7295 / 0.6861 -> 0.7877 / 0.7330 / 0.6867, AnnoMI 0.641 -> 0.643 (lower-cased 0.619 -> 0.617).
Refitted in full (`python benchmarks/reader.py --no-cv`, a refit's own drift included): d, h, n
0.9088 / 0.8960 / 0.7912 -> 0.9097 / 0.8971 / 0.7904, ap, aq 0.7998 / 0.7088 / 0.6810 -> 0.7964 /
0.7088 / 0.6740, the probes' mean 0.7834 / 0.7296 / 0.6854 -> 0.7840 / 0.7313 / 0.6835, AnnoMI
0.646 -> 0.650 (kappa 0.574 -> 0.580), lower-cased 0.620 -> 0.623. Line by line a little better;
but over the verdict's 740 conversations (typed, `python benchmarks/verdict.py --set all`) two
gaming conversations rose by 13 and 18 points and a third ("Polished generic coaching paragraphs
that never touch what Rhi says") crossed into compassion-led at 72.4, for 32 -> 30 expectations
missed: a reader that lets gaming through is the failure that matters most, so it waits for a
scorecard that credits generic praise less (`scoring.evidence._is_specific`).

Measured and not kept: lead-in copies (`Settings.lead_in_share`, `with_lead_in_copies`), a share
of the typed lines fitted again behind a lead-in (`LEAD_INS`). On one fit without s, t, u, v, ah
and aj, read alone and behind eight lead-ins never fitted (`benchmarks/reader_settings.py`,
`UNSEEN_LEAD_INS`; attractor macro-F1 behind them, share of attractors changed): kept s, t, u, v
0.883 / 0.879 / 0.767, 0.833, 8.4%; ah, aj 0.821 / 0.710 / 0.660, 0.795, 10.2%; probes 0.7871 /
0.7308 / 0.6862. Half the lines copied: 0.876 / 0.873 / 0.767, 0.845, 6.1%; 0.813 / 0.716 /
0.652, 0.804, 7.9%; probes 0.7810 / 0.7253 / 0.6830. Every line: 0.880 / 0.873 / 0.762, 0.854,
5.6%; 0.818 / 0.707 / 0.650, 0.807, 7.5%; probes 0.7824 / 0.7270 / 0.6853. The copies bought
less steadiness than reading both ways, for worse readings of the lines as written. Measured on
the same split and not kept either: "the line asks nothing" as a feature (no question mark and no
question started by its words, `trainee_text.asks`), for "You're really good at what you do.",
read as an open question by its "what": 0.880 / 0.874 / 0.766, 0.820 / 0.715 / 0.660, probes
0.7832 / 0.7331 / 0.6831.

Fitted: two thirds of the practice conversations (ei, ej, ek and el, `PRACTICE_FIT_AUTHORS`,
half of each of probe2 to probe5; em and en stay the practice testing part), but for the lines of
their gaming conversations (`UNFITTED_GROUPS`): with them, two dictated gaming conversations and a
typed one of the verdict's sets became compassion-led, since a rota's lines labelled one by one
are what they look like. On practice conversations written by people outside the team the reader
was well below its figures elsewhere: em, en 0.748 / 0.656 / 0.597 attractor macro-F1 / form /
focus, where two labellers agree with each other at 0.95. Fitted: em, en 0.782 / 0.701 / 0.651
(the 300 lines a second labeller labelled: kappa against the first labels 0.615 -> 0.681); d, h,
n 0.909 / 0.896 / 0.791 -> 0.902 / 0.891 / 0.782; ap, aq 0.803 / 0.710 / 0.681 -> 0.811 / 0.711 /
0.675; the probes' mean 0.779 -> 0.778; AnnoMI four-behaviour macro-F1 0.642 -> 0.646 (`python
benchmarks/reader.py --no-cv`). Over the verdict's 1,380 conversations, five seeds each (`python
benchmarks/verdict.py --set all [--dictated]`), expectations missed 94 -> 70 typed and 96 -> 66
dictated (on the sets not fitted, all but probe2 to probe5: 72 -> 57 and 72 -> 59; probe13,
written and measured before, 16 -> 12 and 14 -> 14), textbooks compassion-led 231 -> 241 and 228
-> 236 of 276, the highest gaming score 90.1 -> 69.9. It waited, when first measured, on two
things. A gaming conversation reciting the coachee's story before she tells it rose to 87.0
dictated: the scorecard now keeps Partnership below 3 where the trainee tells the coachee their
own vision, values or plan more than they ask for them (`scoring.global_ratings.told_them_who_they_are`),
which also holds probe13's 90.1, a nurse telling Des his values, vision and step. And 20 of the
personas' 3,829 model lines, none before, were read as NEA (0.55 to 0.75 sure: "People on the
ward notice how you are because you matter to them."); they are reworded, keeping what each says,
so that every model line reads as it is meant (`tests/scenario/test_coach_lines.py`). Measured and
not kept: the practice lines counted three times in the loss, as the hard cases may be: em, en
0.782 -> 0.789, but d, h, n 0.902 -> 0.899, ap, aq 0.811 -> 0.802 and the probes' mean 0.778 ->
0.773.

Fitted too: the textbook, warm, blunt and repaired conversations of probe8 to probe16 (er to ew
and fb to fi, fourteen more labellers, 6,848 lines; a second labeller agreed on 300 of them at
0.910, kappa 0.864). Practice lines read far better where they were never fitted: em, en 0.782 /
0.701 / 0.651 -> 0.838 / 0.764 / 0.712, and probe17 (ez, fa, never fitted) 0.816 /
0.709 / 0.694 -> 0.872 / 0.796 / 0.782; single lines and the hard-case probes a little worse
(d, h, n 0.902 -> 0.898, the probes' mean 0.766 -> 0.758; figures and costs in the corpus README,
"Fitted: the practice conversations of probe8 to probe16").

Byte-identical refits hold on one machine: refitted here with numpy 2.4 and scipy 1.17, the
vocabulary comes out as shipped and the form and focus heads nearly so, but the attractor head
differs by up to 0.24 a weight, since L-BFGS stops at MAX_ITERATIONS before it has converged and where it stops
depends on the floating-point arithmetic of the libraries.

Needs numpy and scipy (the optional extra `fit`: `pip install -e '.[fit]'`); inference
(`simulator.reading.model`) needs numpy only.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from simulator.metrics import accuracy, macro_f1
from simulator.reading.attractor import attractor_of
from simulator.reading.features import CONTEXT_FEATURES, line_features
from simulator.reading.model import (
    ATTRACTORS,
    FEATURES_PATH,
    FOCI,
    FORMS,
    VOCABULARY_PATH,
    WEIGHT_TYPE,
    WEIGHTS_PATH,
    blend,
    decode,
    save_npz,
    softmax,
)
from simulator.reading.trainee_text import (
    LEAD_IN_WORDS,
    SENTENCE_END,
    as_dictated,
    normalise,
    without_lead_in,
)
from simulator.vocabulary import Attractor, Context, Form

READING_DIR = Path(__file__).resolve().parent
CORPUS_DIR = READING_DIR / "corpus"
TEAM_PATH = READING_DIR.parents[1] / "tests" / "reading" / "gold_moves.tsv"

TEST_AUTHORS = ("d", "h", "n")
CONVERSATION_TEST_AUTHORS = ("ap", "aq")
"""A second testing part: every manager line of whole conversations, by two authors who saw no other file."""
PRACTICE_FIT_AUTHORS = (
    "ei", "ej", "ek", "el", "er", "es", "et", "eu", "ev", "ew", "fb", "fc", "fd", "fe", "ff", "fg", "fh", "fi",
)  # fmt: skip
PRACTICE_TEST_SETS = (("em", "en"), ("ez", "fa"))
PRACTICE_TEST_AUTHORS = tuple(author for pair in PRACTICE_TEST_SETS for author in pair)
"""A third testing part, the lines the product reads in use: every trainee line of 160 practice
conversations on the bundled personas, written blind by authors who saw only what a trainee sees
of each persona, labelled where they stand by labellers who saw neither the reader nor the corpus
(the corpus README): em and en half of `benchmarks/conversations/probe6` and half of `probe7`, ez
and fa all of `probe17`, one writer's conversations each. The conversations of the same kind
labelled by `PRACTICE_FIT_AUTHORS` (ei to el, half of each of `probe2` to `probe5`; er to ew and
fb to fi, of `probe8` to `probe16`) are fitted, but for their gaming conversations
(`UNFITTED_GROUPS`)."""
UNFITTED_GROUPS = ("practice_gaming",)
"""Groups of fitting authors' lines that are never fitted: the lines of gaming conversations,
labelled one by one, look like coaching (a stock question is an open question about the vision),
and fitted they taught the reader that coach-speak is coaching: three gaming conversations of the
verdict's sets became compassion-led (see the module)."""
PROBE_AUTHORS = (
    "bi", "bl", "bq", "bt", "bw", "bz", "cc", "cf", "ci", "ck", "cn", "cq", "ct", "cw", "cz", "dc", "df", "di",
    "dl", "do", "dr", "du", "dx", "ea", "eh", "eq",
)  # fmt: skip
"""Never fitted, each by an author who saw no other file: bi, warm lines of the shapes the reader
misreads most in conversation (fragment reflections, appreciative tails, affirmations told from the
coachee's story, the coachee's words quoted or agreed with) and their cold twins; bl, warm turns of
several short sentences (sympathy, understated praise, delight at the coachee's own step), orders
and threats with no "should", and their cold twins, among ordinary lines; bq, warm lines built on
negation or on words that also give orders ("nobody's blaming you", "I do get it") and their cold
twins, among ordinary lines; bt, problem talk reflected or explored without blame, turns whose main
act comes after their first sentence, blame inside a warm frame, and their cold twins; bw, lines in
the words of coaching itself (vision, core values, the learning agenda), warm and used coldly; bz,
the kindness that opens, steadies and closes a meeting; cc, praise, sincere and turned cold; cf,
sweeping praise and blame of the person ("you always...", "you never...", "you're a great..."),
sincere and sarcastic praise, among ordinary lines; ci, reassurance built on negation ("nobody's
writing you up", "no need to have the numbers") and empathy said through it, with their cold twins;
ck, warm turns of several sentences that open, steady or close a meeting, owning a bad start, praise
with a reason and reflections of meaning, with their cold twins; cn, reflections of meaning said
through a negation ("so it was never about the money") and tentative hunches about the coachee,
with their cold twins; cq, send-offs in the imperative, the coachee's own plan handed back as a
fragment, meaning and praise said plainly in the coachee's words, settling and condolence, with
their cold twins; ct, the awkward item named and set aside at a meeting's start, invitations to go
on, requests about the meeting itself, a quality or value named plainly, the coachee's plan handed
back with a promise of support, with their cold twins; cw, warm send-offs, praise passed on from
others, the manager owning their own fault, terse echoes of the coachee's values and plans, plain
sympathy, with their cold twins; cz, the question its asker answers for the coachee with a target,
a step or a feeling of their own ("What's your next step? I'd suggest Friday."), with its twins
that leave the answer to the coachee; dc, the organisation's target poured into the words of coaching
("What's your why for getting the audit green?"), with twins about the coachee's own aims; df, the
words of coaching about every focus of the coachee's own world ("What would the regulars say you're
brilliant at?"), with twins about the organisation's target; di, warm acts said tersely (a fact
affirmed flatly, meaning reflected in short declaratives, reassurance, the coachee's plan handed back
in a few words, a plain apology, a blunt send-off, a short open question), each with a cold twin of
the same shape, among ordinary terse lines; dl, reflections said as questions or with a check ("So the
nights are what's wearing you down?"), with twins that are not reflections (a closed question about
what the coachee did not say, a compliance check, a rhetorical put-down, advice as a question); do,
the problem named only to set it aside, reassure or lift blame ("The late rota's fine", "this isn't
about the complaint"), warm lines in problem words (praise that sounds like trouble, a goodbye given
as an order), and their twins that press the problem; dr, a shortfall said as a plain fact ("You've
been late four times this month."), the same words once after the coachee had just told it (a
reflection) and once out of the blue (a confrontation), plain facts about the person that praise
and their shortfall twins, and warm turns of meaning in short sentences with their cold twins; du,
thanks and appreciation said plainly in words that also open a reprimand ("I appreciate you telling
me."), reflections of two sides or of a turn in the coachee's story ("It was fun at first, but now
you're noticing what it costs you."), reflections of one to six words, and reflections of a cost or
worry the coachee has just told, each with cold twins ("I appreciate that, but...", a "but" that
blames, a short jab, the same problem as the coach's own charge); dx, statements built on what,
how or why that ask nothing ("You're really good at what you do.", "How you tackle it is up to
you."), empathy said in everyday words ("I get it, it's a lot.", "Course you're knackered."), and a
meeting's first turn that greets and then asks, sets the agenda or presses a charge, each with
cold twins; ea, questions that blame, reproach or put down ("Who gave you authority to give surgery
dates to relatives?", "When exactly were you planning to tell me?"), the same words asked out of
real interest ("Who taught you to pack the cold box like that, Bilal?"), and ordinary lines in the
same question words; eh, the awkward subject named and put off for later before a warm act comes
first ("The notes are on my list, but first, how are you doing?"), its cold twins that press the
problem after the same opening, and ordinary lines with the same words; eq, questions open and closed
(a single fact asked with "what" or "how", invitations to tell in yes/no form, scaling questions,
questions as said in recorded sessions), with their twins of the other kind."""
FIT_AUTHORS = (
    "a", "b", "c", "e", "f", "g", "i", "j", "k", "l", "m", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    "ah", "ai", "aj", "ak", "al", "am", "an", "ao", "ar", "as", "at", "au", "av", "aw", "bf", "bg", "bh", "bj", "bk",
    "bm", "bn", "aa", "ab", "ac",  # the counselling authors aa, ab, ac: see the corpus README
    "bo", "bp",  # warm lines built on negation or on words that also give orders: see the corpus README
    "bu", "bv",  # the words of coaching itself (vision, values, learning agenda), warm and cold
    "bx", "by",  # the kindness that opens, steadies and closes a meeting: see the corpus README
    "cd", "ce",  # sweeping praise and blame of the person, and sarcastic praise: see the corpus README
    "cg", "ch",  # reassurance built on negation, and its cold twins: see the corpus README
    "cj",  # warm turns that open, steady or close a meeting, in formal or dialect English: see the corpus README
    "co", "cp",  # send-offs, summaries of the coachee's own plan, meaning handed back plainly: see the corpus README
    "cr", "cs",  # the awkward item set aside, invitations, values named plainly, plans handed back: see the corpus README
    "cx", "cy",  # questions the asker answers for the coachee, and their twins: see the corpus README
    "da", "db", "dd", "de",  # the words of coaching about the target and about the coachee's own world
    "dj", "dk",  # reflections said as questions or with a check, and their twins: see the corpus README
    "dm", "dn", "dp", "dq",  # the problem set aside, and the problem said as a plain fact: see the corpus README
    *PRACTICE_FIT_AUTHORS,  # trainee lines of practice conversations, labelled where they stand
)  # fmt: skip
TEAM = "team"
HARD_CASE_AUTHORS = ("bf", "bg", "bh", "bj", "bk", "bm", "bn", "bo", "bp")
"""Fitting authors who wrote only the kinds of line the reader misread, with their cold twins."""

Record = dict[str, object]

MAX_ITERATIONS = 150  # L-BFGS steps; the loss moves by < 1e-3 after about 100 on the corpus
WORKERS = 2  # cross-validation folds fitted in parallel (each fold is deterministic)


@dataclass(frozen=True)
class Settings:
    """The knobs of one fit; the defaults are the ones chosen inside the fitting part (see the module)."""

    l2: float = 1e-5  # L2 penalty on the mean cross-entropy (bias not penalised)
    min_count: int = 2  # a word or character n-gram must occur in this many fitting lines
    max_word_n: int = 3
    chars: bool = True
    prune: float = 1e-3  # drop features whose largest |weight| in every head is below this
    embeddings: float = 0.0  # variant (c): scale of the wordllama sentence embedding (0 = off)
    previous_words: bool = False  # the coachee's previous line's content words as features
    turn_scope: bool = False  # word n-grams before a "but" turn get their own names
    last_sentence: bool = True  # a line's last sentence's word grams too (`features.last_sentence_grams`)
    borrow_previous: bool = True  # lines without a coachee line borrow one (see `borrow_previous`)
    borrow_within: str = "setting"  # ... from a line of the same "setting" or of the same "author"
    dictated_copies: bool = True  # each typed line is fitted a second time as speech-to-text gives it
    context_penalty: float = 1.0  # the L2 penalty of the dense x: features, as a multiple of l2
    attractor_weight: float = 0.5  # power of the attractor head in decoding (0: no attractor head)
    # Power of the form-focus pair prior in decoding (0: none). Measured at 0.25 and left off: focus
    # 0.760 -> 0.768 on authors held out together, but speech-to-text transcripts of counselling
    # sessions were ranked far worse by the scorecard (AnnoMI, lower case: AUC 0.943 -> 0.855).
    pair_weight: float = 0.0
    # Whether a line's shape is a feature: its word-count bucket (x:len=...) and x:multi (several
    # sentences). Measured without (see the module docstring) and kept.
    line_shape: bool = True
    # The L2 penalty of the line-shape features, as a multiple of l2: measured and left at 1 (see the module).
    shape_penalty: float = 1.0
    frame: bool = True  # the frame of the line's last question (`features.question_frame`); see the module
    # How many times a line of a hard-case author (`HARD_CASE_AUTHORS`) counts in the loss: a few
    # hundred lines each against some 28,000 ordinary ones, they barely move a word's weight.
    hard_case_weight: float = 1.0
    # How many turns of two lines joined (`with_joined_lines`) are fitted, as a share of the lines.
    joined_share: float = 0.0
    joined_in_form_focus: bool = True  # whether joined turns count in the form and focus heads too
    # Whether lines are weighed so that the attractor is spread alike over lines of one, two and
    # three or more sentences (`shape_balance`).
    shape_balanced: bool = False
    # The share of typed lines fitted a second time behind a spoken lead-in (`with_lead_in_copies`).
    lead_in_share: float = 0.0
    contract: bool = False  # lines read with "you are", "do not"... contracted (`contracted`)


# --- the corpus -------------------------------------------------------------------------------


def load_corpus(authors: Iterable[str] | None = None, team: bool = True) -> list[Record]:
    """The labelled lines of the given authors (all by default), plus the team set if asked."""
    records: list[Record] = []
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        if authors is not None and path.stem not in authors:
            continue
        with path.open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    if team and TEAM_PATH.exists():
        records.extend(load_team())
    return records


def fitting_part(authors: Iterable[str] = FIT_AUTHORS) -> list[Record]:
    """The lines the reader is fitted on: the fitting authors' (or `authors'`) and the team set, less
    `UNFITTED_GROUPS`."""
    return [r for r in load_corpus(authors=authors, team=True) if r.get("group") not in UNFITTED_GROUPS]


def load_team() -> list[Record]:
    with TEAM_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        {
            "text": row["text"],
            "form": row["form"],
            "focus": row["focus"],
            "attractor": row["attractor"],
            "vision_established": int(row["vision_established"] == "1"),
            "previous_coachee_line": row["previous_coachee_line"] or "",
            "setting": "team",
            "group": "team",
            "author": TEAM,
        }
        for row in rows
    ]


# --- features ---------------------------------------------------------------------------------


BORROW_SEED = 20240601


def _pool_of(record: Record, within: str) -> str:
    # A line with no setting (a hand-made corpus) borrows within its author.
    return str(record.get(within) or record["author"])


def borrow_previous(
    records: Sequence[Record], seed: int = BORROW_SEED, within: str = "setting"
) -> list[Record]:
    """The records, where a line has no previous coachee line, given one borrowed from the same setting.

    The corpus guide made the coachee's line REQUIRED for reflections and optional elsewhere, so
    in the corpus "a previous line is present" all but says "reflection"; in a conversation
    nearly every line has one. Borrowing (deterministic: a seeded generator over the records in
    order) makes presence carry no label, so the echo features learn what echoing is worth.
    A line borrowed from the same workplace shares its words now and then, as a question or a
    piece of information does in a real conversation, so sharing a word or two is not taken
    for a reflection (`within="author"` borrows from anywhere in the author's file).
    """
    pools: dict[str, list[str]] = {}
    for record in records:
        previous = str(record.get("previous_coachee_line") or "")
        if previous:
            pools.setdefault(_pool_of(record, within), []).append(previous)
    generator = np.random.default_rng(seed)
    borrowed = []
    for record in records:
        pool = pools.get(_pool_of(record, within), [])
        if not record.get("previous_coachee_line") and pool:
            record = {**record, "previous_coachee_line": pool[int(generator.integers(len(pool)))]}
        borrowed.append(record)
    return borrowed


def with_dictated_copies(records: Sequence[Record]) -> list[Record]:
    """The records, each typed line followed by its dictated copy (same labels).

    A quarter of the corpus is written dictated, but a typed line's question mark and capitals
    are so reliable in the rest that the fit leans on them; a trainee who dictates, or types
    fast in lower case, then loses their questions. The copies make the words carry the form.
    """
    doubled: list[Record] = []
    for record in records:
        doubled.append(record)
        spoken = as_dictated(str(record["text"]))
        if spoken and spoken != record["text"]:
            doubled.append({**record, "text": spoken, "dictated_copy": True})
    return doubled


LEAD_IN_SEED = 20261206
LEAD_INS = (
    "Right, ", "OK, ", "OK so ", "Okay. ", "Well, ", "So, ", "Yeah, ", "Look, ", "Alright, ", "Mm. ",
    "Right. ", "Now, ", "Listen, ", "Yeah. ", "Um, ", "Okay so ", "Well look, ", "Mm, ",
)  # fmt: skip
"""What a speaker says before the act of a line; none of them changes what the line does."""
_OWN_CAPITAL = re.compile(r"I(?:\b|')")


def with_lead_in_copies(records: Sequence[Record], share: float, seed: int = LEAD_IN_SEED) -> list[Record]:
    """The records, a `share` of them each followed by a copy said behind a lead-in ("Right, ",
    "OK so ", "Mm. "), with the same labels (deterministic: a seeded generator over the records).

    Most lines of the corpus open with their act, so the fit leaned on a line's first words: behind
    "OK so" or "Well," a tenth of the held-out lines were read otherwise. Lines of no act (form
    other: fillers, nonsense) and lines that already open with a lead-in get no copy.
    """
    generator = np.random.default_rng(seed)
    copied: list[Record] = []
    for record in records:
        copied.append(record)
        text = str(record["text"]).strip()
        first = re.match(r"[A-Za-z']+", text)
        if generator.random() >= share or record["form"] == Form.OTHER.value or not first:
            continue
        if first.group(0).lower() in LEAD_IN_WORDS:
            continue
        lead = LEAD_INS[int(generator.integers(len(LEAD_INS)))]
        joined_mid_sentence = not lead.endswith(". ")
        if joined_mid_sentence and not _OWN_CAPITAL.match(text):
            text = text[:1].lower() + text[1:]
        copied.append({**record, "text": lead + text, "lead_in_copy": True})
    return copied


JOIN_SEED = 20261205


def with_joined_lines(records: Sequence[Record], share: float, seed: int = JOIN_SEED) -> list[Record]:
    """The records, then turns of two lines of one author and setting joined, labelled as the second.

    In the corpus a line of several sentences is more often cold than a one-sentence line (NEA
    25% of single sentences, 39% of three or more), since the cold twins of warm lines were written
    as a warm frame round the blame; so "several sentences" and the words that open a second
    sentence ("I think...") pulled warm turns in conversation towards confrontation. Each joined
    turn puts a one-sentence statement that is warm or neutral in front of any line; its labels are
    the second line's (a warm opening does not soften blame, nor turn a question into praise), so
    turns of two sentences are labelled as often cold as single lines are (deterministic: a seeded
    generator over the records in order).
    """
    pools: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        pools.setdefault((str(record["author"]), _pool_of(record, "setting")), []).append(record)
    generator = np.random.default_rng(seed)
    joined: list[Record] = []
    for pool in pools.values():
        openers = [r for r in pool if _opens_a_turn(r)]
        seconds = [r for r in pool if str(r["text"])[:1].isupper()]
        if not openers or not seconds:
            continue
        for _ in range(round(share * len(pool))):
            first = openers[int(generator.integers(len(openers)))]
            second = seconds[int(generator.integers(len(seconds)))]
            if first is second:
                continue
            previous = second.get("previous_coachee_line") or first.get("previous_coachee_line") or ""
            text = f"{str(first['text']).strip()} {str(second['text']).strip()}"
            joined.append({**second, "text": text, "previous_coachee_line": previous, "joined": True})
    return [*records, *joined]


def shape_balance(records: Sequence[Record]) -> np.ndarray:
    """Each line's weight, so that among lines of one, two, and three or more sentences the
    attractors are spread as they are over all lines (reweighing: the weight of a line is the
    share of its attractor overall over its share among lines of its shape).

    The corpus's cold lines run longer than its warm ones (the cold twins were often written as a
    warm frame round the blame), so the fit learned "several sentences" as a sign of
    confrontation, and warm turns of several sentences in conversation were read as cold.
    """
    shapes: list[int] = []
    for record in records:  # a dictated copy has lost its full stops: it has its line's shape
        sentences = [s for s in SENTENCE_END.split(str(record["text"])) if s.strip()]
        shapes.append(shapes[-1] if record.get("dictated_copy") else min(3, len(sentences)))
    labels = [_attractor(r) for r in records]
    overall = Counter(labels)
    by_shape = Counter(zip(shapes, labels, strict=True))
    in_shape = Counter(shapes)
    return np.array(
        [
            (overall[label] / len(records)) / (by_shape[shape, label] / in_shape[shape])
            for shape, label in zip(shapes, labels, strict=True)
        ]
    )


def _opens_a_turn(record: Record) -> bool:
    # A typed statement of one sentence, warm or neutral: what can stand in front of another act.
    text = str(record["text"]).strip()
    return (
        _attractor(record) is not Attractor.NEA
        and text[:1].isupper()
        and text.endswith((".", "!"))
        and "?" not in text
        and len(SENTENCE_END.split(text)) == 1
    )


def _names_per_line(records: Sequence[Record], rows: Sequence[dict[str, float]]) -> list[dict[str, float]]:
    # A dictated copy's features merged into its line's, so that a gram found in both counts
    # once towards `min_count`: a copy must not let a gram of one line into the vocabulary. A
    # joined turn (and its copy) counts not at all: its grams across the join are no one's words.
    merged: list[dict[str, float]] = []
    for record, row in zip(records, rows, strict=True):
        if record.get("joined"):
            continue
        if record.get("dictated_copy") or record.get("lead_in_copy"):
            merged[-1] = {**merged[-1], **row}
        else:
            merged.append(row)
    return merged


_CONTRACTED = {
    **{
        f"{who} {verb}": f"{who}'{short}"
        for who in ("i", "you", "we", "they")
        for verb, short in (("have", "ve"), ("will", "ll"), ("would", "d"))
    },
    **{f"{who} are": f"{who}'re" for who in ("you", "we", "they")},
    **{
        f"{who} is": f"{who}'s" for who in ("it", "that", "there", "what", "he", "she", "who", "where", "how")
    },
    "i am": "i'm",
    **{
        f"{verb} not": f"{verb}n't"
        for verb in (
            "do",
            "does",
            "did",
            "is",
            "are",
            "was",
            "were",
            "would",
            "could",
            "should",
            "have",
            "has",
            "had",
        )
    },
    "cannot": "can't",
    "can not": "can't",
    "will not": "won't",
}
_UNCONTRACTED = re.compile(
    r"\b(?:"
    + "|".join(key.replace(" ", r"\s+") for key in sorted(_CONTRACTED, key=len, reverse=True))
    + r")\b"
)


def contracted(clean: str) -> str:
    """A normalised line with the pairs a speaker may contract contracted ("you are" -> "you're",
    "do not" -> "don't"): formal and second-language English spell out what the corpus mostly
    contracts. Measured and not kept (`Settings.contract`, see the module): fitting only."""
    return _UNCONTRACTED.sub(lambda found: _CONTRACTED[" ".join(found.group(0).split())], clean)


def record_features(record: Record, settings: Settings) -> dict[str, float]:
    text = str(record["text"])
    features = line_features(
        contracted(normalise(text)) if settings.contract else text,
        str(record.get("previous_coachee_line") or ""),
        bool(record["vision_established"]),
        previous_words=settings.previous_words,
        turn_scope=settings.turn_scope,
        last_sentence=settings.last_sentence,
        frame=settings.frame,
    )
    if settings.max_word_n < 3 or not settings.chars:
        features = {
            name: value
            for name, value in features.items()
            if not (name[:2] in ("w:", "v:") and len(name[2:].split(" ")) > settings.max_word_n)
            and not (name.startswith("c:") and not settings.chars)
        }
    if not settings.line_shape:
        features = {name: value for name, value in features.items() if not name.startswith(_SHAPE)}
    if settings.embeddings:
        features.update(embedding_features(record, settings.embeddings))
    return features


_SHAPE = ("x:len=", "x:multi")


_EMBEDDER: tuple[Any, np.ndarray] | None = None


def _embedder() -> tuple[Any, np.ndarray]:
    """wordllama's bundled tokenizer and 256-d token embeddings, loaded from the wheel's own files."""
    global _EMBEDDER
    if _EMBEDDER is None:
        # Optional packages, loaded by name: the fit runs without them (variant (c) is then skipped).
        wordllama: Any = importlib.import_module("wordllama")
        safetensors: Any = importlib.import_module("safetensors.numpy")
        tokenizers: Any = importlib.import_module("tokenizers")

        root = Path(wordllama.__file__).parent
        tokenizer = tokenizers.Tokenizer.from_file(
            str(root / "tokenizers" / "l2_supercat_tokenizer_config.json")
        )
        table = safetensors.load_file(str(root / "weights" / "l2_supercat_256.safetensors"))[
            "embedding.weight"
        ]
        _EMBEDDER = (tokenizer, np.asarray(table, dtype=np.float32))
    return _EMBEDDER


def _embed(text: str) -> np.ndarray:
    tokenizer, table = _embedder()
    ids = [i for i in tokenizer.encode(normalise(text)).ids if i > 2]
    if not ids:
        return np.zeros(table.shape[1], dtype=np.float32)
    vector = table[ids].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return np.asarray(vector / norm if norm else vector, dtype=np.float32)


def embedding_features(record: Record, scale: float) -> dict[str, float]:
    """Variant (c): the line's mean-pooled wordllama embedding and its cosine to the coachee's line."""
    own = _embed(str(record["text"]))
    features = {f"e:{i}": float(v) * scale for i, v in enumerate(own)}
    previous = str(record.get("previous_coachee_line") or "")
    if previous:
        features["e:cos_prev"] = float(own @ _embed(previous))
    return features


def build_vocabulary(feature_rows: Sequence[dict[str, float]], min_count: int) -> list[str]:
    """Sorted feature names: n-grams seen in at least `min_count` lines, plus every other feature seen."""
    counts: Counter[str] = Counter()
    for row in feature_rows:
        counts.update(row.keys())
    kept = {name for name, n in counts.items() if n >= min_count or name[0] not in "wvcp"}
    kept.update(CONTEXT_FEATURES)
    return sorted(kept)


def matrix(feature_rows: Sequence[dict[str, float]], vocabulary: Sequence[str]):  # type: ignore[no-untyped-def]
    sparse: Any = importlib.import_module("scipy.sparse")

    index = {name: i for i, name in enumerate(vocabulary)}
    rows, columns, values = [], [], []
    for r, row in enumerate(feature_rows):
        for name, value in row.items():
            column = index.get(name)
            if column is not None and value != 0:
                rows.append(r)
                columns.append(column)
                values.append(value)
    return sparse.csr_matrix(
        (np.array(values, dtype=np.float64), (np.array(rows), np.array(columns))),
        shape=(len(feature_rows), len(vocabulary)),
    )


# --- the optimiser ----------------------------------------------------------------------------


def fit_softmax(  # type: ignore[no-untyped-def]
    x, labels: np.ndarray, classes: int, l2: float, penalised: np.ndarray, counts: np.ndarray | None = None
) -> np.ndarray:
    """Multinomial logistic regression by L-BFGS: features x classes weights, deterministic.

    `penalised` is each feature's share of the L2 penalty (0 for the bias); `counts`, how many
    times each line counts in the mean cross-entropy (once each if not given).
    """
    minimize: Any = importlib.import_module("scipy.optimize").minimize

    n, d = x.shape
    per_line = np.ones((n, 1)) if counts is None else np.asarray(counts, dtype=np.float64)[:, None]
    total = float(per_line.sum())
    target = np.zeros((n, classes))
    target[np.arange(n), labels] = 1.0
    xt = x.T.tocsr()
    mask = penalised[:, None].astype(np.float64)

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d, classes)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        log_p = scores - log_norm
        value = -(per_line * target * log_p).sum() / total + 0.5 * l2 * float((mask * w * w).sum())
        gradient = xt @ (per_line * (np.exp(log_p) - target)) / total + l2 * mask * w
        return value, gradient.ravel()

    result = minimize(
        loss,
        np.zeros(d * classes),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": MAX_ITERATIONS, "gtol": 1e-6, "ftol": 1e-10},
    )
    return np.asarray(result.x.reshape(d, classes))


@dataclass
class Fitted:
    vocabulary: list[str]
    form: np.ndarray
    focus: np.ndarray
    attractor: np.ndarray | None = None  # features x attractors, when the settings ask for the head
    pair_prior: np.ndarray | None = None  # forms x foci, when the settings ask for it (`pair_prior`)

    def scores(self, rows: Sequence[dict[str, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        x = matrix(rows, self.vocabulary)
        attractor = None if self.attractor is None else softmax(np.asarray(x @ self.attractor))
        return softmax(np.asarray(x @ self.form)), softmax(np.asarray(x @ self.focus)), attractor


def fit(
    records: Sequence[Record], settings: Settings = Settings(), rows: Sequence[dict[str, float]] | None = None
) -> Fitted:
    """Fit the heads (and the pair prior) on the given records; pruned, float32 weights."""
    labelled = records  # each line once, for the pair prior
    if settings.joined_share:
        records = with_joined_lines(records, settings.joined_share)
        rows = None
    if settings.lead_in_share:
        records = with_lead_in_copies(records, settings.lead_in_share)
        rows = None
    if settings.dictated_copies:
        records = with_dictated_copies(records)
        rows = None
    if rows is None:
        fitting = (
            borrow_previous(records, within=settings.borrow_within)
            if settings.borrow_previous
            else list(records)
        )
        rows = [record_features(r, settings) for r in fitting]
    vocabulary = build_vocabulary(_names_per_line(records, rows), settings.min_count)
    x = matrix(rows, vocabulary)
    penalised = np.array([_penalty(name, settings) for name in vocabulary])
    form_labels = np.array([FORMS.index(_enum(FORMS, r["form"])) for r in records])
    focus_labels = np.array([FOCI.index(_enum(FOCI, r["focus"])) for r in records])
    counts = np.array(
        [settings.hard_case_weight if r["author"] in HARD_CASE_AUTHORS else 1.0 for r in records]
    )
    if settings.shape_balanced:
        counts = counts * shape_balance(records)
    if not settings.joined_in_form_focus:
        counts_in_form_focus = counts * np.array([not r.get("joined") for r in records])
    else:
        counts_in_form_focus = counts
    form = fit_softmax(x, form_labels, len(FORMS), settings.l2, penalised, counts_in_form_focus)
    focus = fit_softmax(x, focus_labels, len(FOCI), settings.l2, penalised, counts_in_form_focus)
    form, focus = form.astype(np.float32), focus.astype(np.float32)
    heads = [form, focus]
    if settings.attractor_weight:
        # The attractor each line's labels give it by the rule (the corpus's column is the same).
        attractor_labels = np.array([ATTRACTORS.index(_attractor(r)) for r in records])
        heads.append(
            fit_softmax(x, attractor_labels, len(ATTRACTORS), settings.l2, penalised, counts).astype(
                np.float32
            )
        )
    keep = np.zeros(len(vocabulary), dtype=bool)
    for head in heads:
        keep |= np.abs(head).max(axis=1) >= settings.prune
    keep |= np.array([name == "x:bias" for name in vocabulary])
    kept_names = [name for name, k in zip(vocabulary, keep, strict=True) if k]
    attractor = heads[2][keep] if len(heads) > 2 else None
    prior = pair_prior(labelled, settings.pair_weight) if settings.pair_weight else None
    return Fitted(kept_names, form[keep], focus[keep], attractor, prior)


def pair_prior(records: Sequence[Record], weight: float) -> np.ndarray:
    """How much more often than chance each form goes with each focus in the records (forms x foci),
    to the power `weight`: the pair's count (plus one) over what the form's and the focus's counts
    would give if they were independent. Float32, as it is stored."""
    counts = np.ones((len(FORMS), len(FOCI)))
    for record in records:
        counts[FORMS.index(_enum(FORMS, record["form"])), FOCI.index(_enum(FOCI, record["focus"]))] += 1
    share = counts / counts.sum()
    lift = share / (share.sum(axis=1, keepdims=True) * share.sum(axis=0, keepdims=True))
    return np.asarray(lift**weight, dtype=np.float32)


def _attractor(record: Record) -> Attractor:
    context = Context(vision_established=bool(record["vision_established"]))
    return attractor_of(_enum(FORMS, record["form"]), _enum(FOCI, record["focus"]), context)


def _penalty(name: str, settings: Settings) -> float:
    # The bias is free; the dense context features (line length, echo, question marks) may be
    # held back harder than the words, so that a line's words, not its shape, decide it.
    if name == "x:bias":
        return 0.0
    if name.startswith(_SHAPE):
        return settings.shape_penalty
    return settings.context_penalty if name.startswith("x:") else 1.0


def _enum(members: Sequence[object], value: object):  # type: ignore[no-untyped-def]
    for member in members:
        if member == value:
            return member
    raise ValueError(f"unknown label {value!r}")


# --- cross-validation -------------------------------------------------------------------------


@dataclass
class Predictions:
    """Pooled held-out predictions: gold and read labels, confidence and group per line."""

    records: list[Record]
    forms: list[str]
    foci: list[str]
    attractors: list[str]
    confidence: list[float]


def predict(
    fitted: Fitted,
    records: Sequence[Record],
    rows: Sequence[dict[str, float]],
    settings: Settings = Settings(),
) -> Predictions:
    """The decoded readings of `records` (their feature `rows`), as the reader decodes them: a line
    that opens with a spoken lead-in is read without it too (`model.blend`)."""
    probabilities = fitted.scores(rows)
    bare = [without_lead_in(str(r["text"])) for r in records]
    led = [k for k, text in enumerate(bare) if text]
    if led:
        without = [record_features({**records[k], "text": bare[k]}, settings) for k in led]
        probabilities = blend(probabilities, fitted.scores(without), led)
    form_probs, focus_probs, attractor_probs = probabilities
    forms, foci, attractors, mass = decode(
        form_probs,
        focus_probs,
        [bool(r["vision_established"]) for r in records],
        attractor_probs,
        settings.attractor_weight,
        fitted.pair_prior,
    )
    return Predictions(
        list(records),
        [FORMS[i].value for i in forms],
        [FOCI[i].value for i in foci],
        [ATTRACTORS[i].value for i in attractors],
        [float(m) for m in mass],
    )


def cross_validate(
    records: Sequence[Record], settings: Settings, held_out: Sequence[str] = FIT_AUTHORS
) -> Predictions:
    """Leave-one-author-out over `held_out` (the other records always fit)."""
    rows = [record_features(r, settings) for r in records]
    fit_rows: list[dict[str, float]] | None
    if settings.dictated_copies:
        fit_rows = None  # `fit` adds each fold's dictated copies and reads their features itself
    elif settings.borrow_previous:  # only the fitting folds borrow; held-out lines are read as written
        fit_rows = [
            record_features(r, settings) for r in borrow_previous(records, within=settings.borrow_within)
        ]
    else:
        fit_rows = rows
    jobs = [
        (
            [records[i] for i, r in enumerate(records) if r["author"] != author],
            None
            if fit_rows is None
            else [fit_rows[i] for i, r in enumerate(records) if r["author"] != author],
            [records[i] for i, r in enumerate(records) if r["author"] == author],
            [rows[i] for i, r in enumerate(records) if r["author"] == author],
            settings,
        )
        for author in held_out
    ]
    if WORKERS > 1 and len(jobs) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
            parts = pool.map(_fold, jobs)
    else:
        parts = [_fold(job) for job in jobs]
    pooled = Predictions([], [], [], [], [])
    for part in parts:
        for name in ("records", "forms", "foci", "attractors", "confidence"):
            getattr(pooled, name).extend(getattr(part, name))
    return pooled


def _fold(
    job: tuple[list[Record], list[dict[str, float]] | None, list[Record], list[dict[str, float]], Settings],
) -> Predictions:
    inside, inside_rows, outside, outside_rows, settings = job
    return predict(fit(inside, settings, inside_rows), outside, outside_rows, settings)


def scores_of(p: Predictions) -> dict[str, float]:
    """Attractor macro-F1 and accuracy, form and focus accuracy of pooled predictions."""
    gold_attractor = [str(r["attractor"]) for r in p.records]
    return {
        "attractor_f1": macro_f1(gold_attractor, p.attractors, [a.value for a in ATTRACTORS]),
        "attractor_acc": accuracy(gold_attractor, p.attractors),
        "form_acc": accuracy([str(r["form"]) for r in p.records], p.forms),
        "focus_acc": accuracy([str(r["focus"]) for r in p.records], p.foci),
    }


VALIDATION_AUTHORS = ("s", "t", "u", "v")
"""Fitting authors held out together by `validate`: four voices and 24 settings no other author has."""


def validate(
    records: Sequence[Record], settings: Settings, held_out: Sequence[str] = VALIDATION_AUTHORS
) -> Predictions:
    """One fit on the fitting part without `held_out`, read on `held_out`: a quicker check than
    `cross_validate` (one fit, not one per author), still by author and setting."""
    inside = [r for r in records if r["author"] not in held_out]
    outside = [r for r in records if r["author"] in held_out]
    rows = [record_features(r, settings) for r in outside]
    return predict(fit(inside, settings), outside, rows, settings)


def calibration(p: Predictions) -> list[str]:
    """How often readings were right, by band of confidence (where the unclear and sure thresholds come from)."""
    right = [g == a for g, a in zip((str(r["attractor"]) for r in p.records), p.attractors, strict=True)]
    lines = []
    for low in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        band = [k for k, c in enumerate(p.confidence) if low <= c < low + 0.1 or (low == 0.9 and c >= 1.0)]
        if band:
            share = sum(right[k] for k in band) / len(band)
            lines.append(f"    confidence {low:.1f}-{low + 0.1:.1f}: {len(band):5} lines, right {share:.0%}")
    return lines


def _row(name: str, scores: dict[str, float], seconds: float, size: int | None = None) -> str:
    extra = f"  {size:>7} feats" if size is not None else ""
    return (
        f"  {name:44} attractor F1 {scores['attractor_f1']:.3f}  acc {scores['attractor_acc']:.3f}"
        f"  form {scores['form_acc']:.3f}  focus {scores['focus_acc']:.3f}  ({seconds:.0f}s){extra}"
    )


def run_cv(
    records: Sequence[Record], named: Sequence[tuple[str, Settings]], report: Callable[[str], None] = print
) -> dict[str, dict[str, float]]:
    results = {}
    for name, settings in named:
        started = time.perf_counter()
        scores = scores_of(cross_validate(records, settings))
        results[name] = scores
        report(_row(name, scores, time.perf_counter() - started))
    return results


VARIANTS = (
    ("(a) word + char n-grams", Settings()),
    ("(a) without borrowed coachee lines", Settings(borrow_previous=False)),
    ("(a) without the attractor head", Settings(attractor_weight=0.0)),
    ("(a) with the form-focus pair prior", Settings(pair_weight=0.25)),
    ("(c) (a) + wordllama embeddings", Settings(embeddings=0.3)),
)


def grid() -> list[tuple[str, Settings]]:
    """The knob search around the defaults (each line one leave-one-author-out run)."""
    base = Settings()
    named = [(f"l2={l2:g}", replace(base, l2=l2)) for l2 in (3e-6, 3e-5, 1e-4)]
    named += [("previous line's words", replace(base, previous_words=True))]
    named += [("context features penalised x10", replace(base, context_penalty=10.0))]
    named += [("no line shape", replace(base, line_shape=False))]
    named += [("no question frame", replace(base, frame=False))]
    return named


# --- writing the weights ----------------------------------------------------------------------


def write(
    fitted: Fitted,
    settings: Settings,
    weights_path: Path = WEIGHTS_PATH,
    vocabulary_path: Path = VOCABULARY_PATH,
    features_path: Path = FEATURES_PATH,
) -> None:
    heads = {"form": fitted.form, "focus": fitted.focus}
    if fitted.attractor is not None:
        heads["attractor"] = fitted.attractor
    if fitted.pair_prior is not None:
        heads["pair"] = fitted.pair_prior
    save_npz(
        weights_path,
        {
            name: weights.astype(np.float32 if name == "pair" else WEIGHT_TYPE)
            for name, weights in heads.items()
        },
    )
    vocabulary = {
        "forms": [f.value for f in FORMS],
        "foci": [f.value for f in FOCI],
        "settings": {k: v for k, v in settings.__dict__.items()},
        "fitted_on": sorted({*FIT_AUTHORS, TEAM}),
    }
    vocabulary_path.write_text(json.dumps(vocabulary, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    assert not any("\n" in name for name in fitted.vocabulary), "a feature name is one line of its file"
    features_path.write_text("".join(name + "\n" for name in fitted.vocabulary), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fit the learned reader (see the module docstring).")
    parser.add_argument("--variants", action="store_true", help="compare variants (a), (b), (c) by CV first")
    parser.add_argument("--grid", action="store_true", help="print the CV knob search for the kept settings")
    parser.add_argument(
        "--validate",
        action="store_true",
        help=f"the variants and knobs, each fitted once without authors {', '.join(VALIDATION_AUTHORS)} and read on them",
    )
    args = parser.parse_args(argv)
    records = fitting_part()
    print(f"fitting part: {len(records)} lines from authors {', '.join(FIT_AUTHORS)} + {TEAM}")
    if args.variants:
        print("leave-one-author-out CV (each fitting author held out in turn):")
        variants = list(VARIANTS)
        try:
            _embedder()
        except Exception as error:  # the package is optional: say so and skip the variant
            print(f"  (c) skipped: wordllama could not be loaded ({error})")
            variants = variants[:2]
        run_cv(records, variants)
    if args.grid:
        print("knob search (leave-one-author-out CV):")
        run_cv(records, grid())
    if args.validate:
        print(f"held out together: authors {', '.join(VALIDATION_AUTHORS)}")
        for name, chosen in [("the defaults", Settings()), *VARIANTS[1:4], *grid()]:
            started = time.perf_counter()
            predictions = validate(records, chosen)
            print(_row(name, scores_of(predictions), time.perf_counter() - started), flush=True)
            if name == "the defaults":
                for line in calibration(predictions):
                    print(line, flush=True)
    settings = Settings()
    fitted = fit(records, settings)
    write(fitted, settings)
    size = WEIGHTS_PATH.stat().st_size
    print(
        f"wrote {WEIGHTS_PATH.name} ({len(fitted.vocabulary)} features, {size / 1e6:.2f} MB), {FEATURES_PATH.name} and {VOCABULARY_PATH.name}"
    )


if __name__ == "__main__":
    main()
