"""Read the claims of a BBT's narrative, scope by scope.

An amount's meaning comes from the cue nearest before it in its sentence (a level cue names a
table column, a movement cue makes it a BA→BA-JR movement), from coordination with the amount
before it ("588.293 keuro VAK en 586.978 keuro VEK"), and from the shape around it (parentheses,
"waarvan", a colon, bullets, sub-headings). Nothing here knows the sample's sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from auditor.claims import cues
from auditor.claims.cue_scan import ClauseAfter, Cue, CueScanner, PrefixSearch, scan_whole
from auditor.claims.mentions import Mention, find_mentions
from auditor.claims.models import (
    AmountClaim,
    BreakdownClaim,
    Claims,
    GapClaim,
    IndicatorClaim,
    MovementClaim,
    PercentageClaim,
    RatioClaim,
    UnreadSentence,
)
from auditor.claims.passage import Passage, Sentence, build_passage
from auditor.limits import current_limits, env_name
from auditor.quantity import Quantity
from auditor.structure.models import BBTDocument, Scope

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
LEVEL_YEAR_WINDOW = 60  # characters before an amount where the year of its level may stand
UNREAD_EXCERPT_CHARS = 60  # how much of a sentence not read is shown beside its reason
CLAUSE_STOPS = (";", ". ", " en ", " terwijl ", " maar ")  # a new clause may be about another credit
RATIO_WORD = re.compile(r"percentage|graad|aandeel|ratio|verhouding")


@dataclass
class _Reading:
    """How one amount reads: its role and, for movements, sign and whether that sign was stated."""

    role: str
    column: str | None = None
    sign: int = 1
    stated: bool = True
    net: bool = False
    step: str | None = None  # the Kredietevolutie step the movement's word names ("compensatie" → Compensaties)


@dataclass
class _ScopeState:
    previous_movements: list[MovementClaim] = field(default_factory=list)
    lead: Sentence | None = None
    lead_parent: Mention | None = None
    lead_credit: str | None = None
    bullet_parts: list[Mention] = field(default_factory=list)
    subheading_parts: list[list[Mention]] = field(default_factory=list)
    recent_percentages: list[tuple[int, Mention]] = field(default_factory=list)
    last_money: Mention | None = None
    lead_named: bool = False


class _WholeSentence:
    """What a sentence says as a whole, each looked up once, and only when one of its amounts needs it:
    both patterns scan the whole sentence."""

    def __init__(self, lower: str) -> None:
        self.lower = lower

    @cached_property
    def concluding(self) -> bool:
        return cues.CONCLUSION.search(self.lower) is not None

    @cached_property
    def partial(self) -> bool:
        return cues.PARTIAL.search(self.lower) is not None


class ClaimReader:
    def __init__(self, doc: BBTDocument, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        # where movements lead and what "naar X keuro" names: BA-JR in an execution BBT, BO in a budget BBT
        self.target_column = "BO" if doc.kind == "begroting" else "BA-JR"
        self.claims = Claims()
        self.used: set[str] = set()
        self.seen: dict[str, Quantity] = {}
        self.skip = set(doc.table_lines) | set(doc.footnote_lines) | set(doc.furniture_lines)
        self.footnotes = {int(lines[n - 1].split()[0]): n for n in doc.footnote_lines}
        self.limits = current_limits()
        self.nearest_cue = _CueFinder().nearest
        self._net: PrefixSearch | None = None  # the last sentence's search for a net-change word
        self._after: ClauseAfter | None = None  # the last sentence's clauses, for what follows an amount
        self.counts: dict[int, list[Mention]] = {}  # per passage (read_scope): a sentence's start → its bare numbers

    def read(self) -> Claims:
        for scope in self.doc.scopes:
            if scope.title == "inhoudstafel":
                continue
            passage = build_passage(self.lines, scope.start, scope.end, self.skip)
            passage.footnotes = self.footnotes
            if scope.kind == "annex":
                self.read_annex(passage, scope)
            else:
                self.read_scope(passage, scope)
        self.claims.untied = sorted(
            (q for qid, q in self.seen.items() if qid not in self.used),
            key=lambda q: (q.source.line, q.source.column),
        )
        return self.claims

    def refuse_sentence(self, passage: Passage, sentence: Sentence, amounts: int) -> None:
        line = passage.position(sentence.start)[0]
        limit, name = self.limits.sentence_amounts, env_name("sentence_amounts")
        excerpt = sentence.text[:UNREAD_EXCERPT_CHARS] + ("…" if len(sentence.text) > UNREAD_EXCERPT_CHARS else "")
        self.claims.unread.append(UnreadSentence(
            line=line, text=excerpt,
            reason=f"zin met {amounts} getallen (maximum {limit}; {name}); niet gelezen",
            reason_en=f"sentence with {amounts} numbers (limit {limit}; {name}); not read"))

    # -- bookkeeping -------------------------------------------------------------------------
    def note(self, mention: Mention) -> None:
        if mention.unit != "count":
            self.seen.setdefault(mention.quantity.id, mention.quantity)

    def use(self, *quantities: Quantity | None) -> None:
        for quantity in quantities:
            if quantity is not None:
                self.used.add(quantity.id)

    # -- scopes ------------------------------------------------------------------------------
    def read_scope(self, passage: Passage, scope: Scope) -> None:
        state = _ScopeState()
        self.counts = {}  # the passage's own: sentences are known by their start in it
        tied = scope.table_ref is not None
        # a lead sentence, and the credit it names, are read by the bullets after it only: past the last
        # bullet of the passage what it would set is reset (close_list) or never read, so not looked up
        last_bullet = max((index for index, sentence in enumerate(passage.sentences) if sentence.bullet), default=-1)
        for index, sentence in enumerate(passage.sentences):
            mentions = find_mentions(passage, sentence)
            if len(mentions) > self.limits.sentence_amounts:
                self.refuse_sentence(passage, sentence, len(mentions))
                continue
            for mention in mentions:
                self.note(mention)
            money = [m for m in mentions if m.unit == "keuro"]
            lower = sentence.text.lower()
            if not sentence.bullet:
                self.close_list(state, scope)
            if sentence.subheading and tied:
                if money:
                    state.subheading_parts.append(money)
                continue
            if sentence.bullet and state.lead is not None and money:
                first = next((m for m in money if not self.reads_as_movement(sentence, m)), None)
                if first is not None:
                    state.bullet_parts.append(first)
            if (
                cues.ANAPHORA.match(lower)
                and money
                and all(m.in_parens for m in money)
                and state.previous_movements
            ):
                self.read_anaphora(money, state, scope, lower)
                continue
            # without an amount there is nothing for either to read (both only loop over `money`)
            movements = self.read_money(sentence, money, scope, state, tied) if tied and money else []
            if not tied and money:
                self.read_structural_breakdowns(sentence, money, scope)
            if movements:
                state.previous_movements = movements
            self.read_percentages(passage, sentence, mentions, scope, state, index, tied)
            if not sentence.bullet and index < last_bullet:
                if sentence.ends_with_colon or cues.PARTIAL.search(lower[:40]):
                    state.lead = sentence
                    state.lead_parent = money[-1] if money else state.last_money
                    # the lead sentence names one amount: the whole; else the nearest amount is a guess
                    state.lead_named = len(money) == 1
                    state.bullet_parts = []
                state.lead_credit = cues.credit_in(lower)
            if money:
                state.last_money = money[-1]
        self.close_list(state, scope)
        if tied and len(state.subheading_parts) >= 2:
            self.subheading_breakdown(state.subheading_parts, scope)

    def read_annex(self, passage: Passage, scope: Scope) -> None:
        """In the indicator annex: 'ratio van X … tegenover … Y' against the indicator it explains."""
        for sentence in passage.sentences:
            lower = sentence.text.lower()
            if "ratio" not in lower or "tegenover" not in lower:
                continue
            counts = [m for m in find_mentions(passage, sentence, counts=True) if m.unit == "count"]
            if len(counts) != 2:
                continue
            line = counts[0].quantity.source.line
            indicator = next(
                (i for i in self.doc.indicators if i.block_start <= line <= i.block_end), None
            )
            if indicator is None:
                continue
            self.claims.ratios.append(
                RatioClaim(quantity=indicator.value, scope=scope.id, numerator=counts[0].quantity, denominator=counts[1].quantity)
            )

    # -- amounts -----------------------------------------------------------------------------
    def reads_as_movement(self, sentence: Sentence, mention: Mention) -> bool:
        before = sentence.text[: mention.start].lower()
        cue = self.nearest_cue(before)
        return cue is not None and cue[0] in ("UP", "DOWN", "NEUTRAL") and not cues.COPULA_THEN_NUMBER.search(before[cue[2]:])

    def read_money(
        self, sentence: Sentence, money: list[Mention], scope: Scope, state: _ScopeState, tied: bool
    ) -> list[MovementClaim]:
        text = sentence.text
        lower = text.lower()
        movements: list[MovementClaim] = []
        previous: tuple[Mention, _Reading] | None = None
        parent_movement: MovementClaim | None = None
        components: list[Mention] = []
        waarvan = lower.find("waarvan")
        colon = lower.find(":")
        previous_credit: str | None = None
        previous_step: str | None = None
        whole = _WholeSentence(lower)
        # the same for every amount after the colon: the sentence has amounts either side of it
        colon_breakdown = colon >= 0 and any(m.start < colon for m in money) and sum(m.start > colon for m in money) >= 2
        for mention in money:
            if parent_movement is not None and mention.in_parens:
                components.append(mention)
                continue
            if waarvan >= 0 and mention.start > waarvan:
                continue  # parts of a 'waarvan' breakdown, read below
            if colon_breakdown and mention.start > colon:
                continue  # parts of a colon breakdown ("…: 2.000 keuro voor X en 1.315 keuro voor Y"), read below
            reading = self.reading(text, lower, mention, previous)
            step = None if reading.role == "movement" else _step_named(lower, mention, previous, previous_step, self.nearest_cue)
            previous_step = step
            if step is not None:
                reading = _Reading("level", column="ADJ")
            credit = mention.credit or self.credit_before(lower, mention, previous) or (
                state.lead_credit if sentence.bullet else None
            ) or self.credit_of_clause(lower, mention, previous, previous_credit)
            previous_credit = credit
            if reading.role == "level":
                self.claims.amounts.append(
                    AmountClaim(quantity=mention.quantity, scope=scope.id, credit=credit, column=reading.column,  # type: ignore[arg-type]
                                role="level", year=_level_year(lower, mention, previous), step=step,
                                concluding=whole.concluding)
                )
                self.use(mention.quantity)
            elif reading.role == "movement":
                claim = MovementClaim(
                    quantity=mention.quantity, scope=scope.id, credit=credit, sign=reading.sign,  # type: ignore[arg-type]
                    direction_stated=reading.stated, net=reading.net, step=reading.step,
                    partial=whole.partial,
                )
                self.claims.movements.append(claim)
                movements.append(claim)
                self.use(mention.quantity)
                if not mention.in_parens:
                    if parent_movement is not None and components:
                        self.add_breakdown(parent_movement, components, scope, exhaustive=not whole.partial)
                    parent_movement, components = claim, []
            previous = (mention, reading)
        if parent_movement is not None and components:
            self.add_breakdown(parent_movement, components, scope, exhaustive=not whole.partial)
        self.read_structural_breakdowns(sentence, money, scope)
        return movements

    def reading(self, text: str, lower: str, mention: Mention, previous: tuple[Mention, _Reading] | None) -> _Reading:
        before = lower[: mention.start]
        post = cues.POST_LEVEL.match(lower[mention.end:])
        if post is not None and not self.after_movement_cue(before):
            return _Reading("level", column=_level_column(post.group("cue")))
        if _ends_with(cues.FROM_BEFORE, before) and cues.TARGET_AFTER.match(lower[mention.end:]):
            return _Reading("level", column="BA")
        if _ends_with(cues.TARGET_BEFORE, before):
            cue = self.nearest_cue(before)
            column = cue[0] if cue and cue[0] in cues.LEVEL_CUES and cue[2] >= len(before) - 25 else self.target_column
            return _Reading("level", column=column)
        if previous is not None:
            between = lower[previous[0].end: mention.start]
            own_cue = self.nearest_cue(cues.without_denominators(between))
            own_movement = own_cue is not None and own_cue[0] in ("UP", "DOWN", "NEUTRAL")
            if _ends_with(cues.WITH_BEFORE, between) and previous[1].role == "movement" and not own_movement:
                return _Reading("movement", sign=previous[1].sign, stated=previous[1].stated, net=previous[1].net)
            if own_cue is None and not cues.PART_OF.search(between):
                if previous[1].role == "movement" and (sign := _own_direction(lower[mention.end:])) is not None:
                    # "compensaties van 355 keuro vanuit X en 160 keuro naar Y": one verb, two directions
                    return replace(previous[1], sign=sign, stated=True)
                return previous[1]
        cue = self.nearest_cue(before)
        if cue is None:
            after = lower[mention.end:]
            following = after[: _next_stop(after)]
            post = self.nearest_cue(following, first=True)
            if post and post[0] in ("UP", "DOWN", "NEUTRAL"):
                return self.movement(post[0], lower, mention, following[post[1]:post[2]])
            return _Reading("other")
        kind, start, end = cue
        gap = before[end:]
        if cues.PART_OF.search(gap) or cues.PART_OF.search(before[max(0, start - 30): start]):
            return _Reading("other")
        if kind in ("UP", "DOWN", "NEUTRAL"):
            if cues.COPULA_THEN_NUMBER.search(gap):
                level = self.nearest_cue(before[:start], levels_only=True)
                return _Reading("level", column=level[0]) if level else _Reading("other")
            return self.movement(kind, lower, mention, before[start:end])
        if len(gap.split()) > 12:
            return _Reading("other")
        return _Reading("level", column=kind)

    def after_movement_cue(self, before: str) -> bool:
        """'verhoogd met 500 keuro bij BA-JR': the amount is the movement, the level names when."""
        cue = self.nearest_cue(before)
        if cue is None or cue[0] not in ("UP", "DOWN", "NEUTRAL"):
            return False
        gap = before[cue[2]:]
        # the cue governs the first amount after it: "daalde met 1.120 keuro van 22.405 keuro in BA 2024"
        return len(gap.split()) <= 6 and not any(c.isdigit() for c in gap) and not cues.COPULA_THEN_NUMBER.search(gap)

    def net_before(self, lower: str, end: int) -> bool:
        """Whether the sentence says before `end` that a change is the whole one ("in totaal", "per saldo"):
        asked before each of its amounts, so searched from the last words before `end` (PrefixSearch)."""
        if len(lower) <= CUE_SCAN_REUSE_MIN:
            return cues.NET.search(lower[:end]) is not None  # a short sentence: searched whole, at less cost
        if self._net is None or self._net.text is not lower:
            self._net = PrefixSearch(cues.NET, lower)
        return self._net.before(end)

    def net_after(self, lower: str, start: int) -> bool:
        """Whether the clause after an amount ending at `start` names what the change is relative to
        ("ten opzichte van BA 2025"): `NET_AFTER.search(after[:_next_stop(after)])`, from one scan of the
        sentence (ClauseAfter)."""
        if len(lower) <= CUE_SCAN_REUSE_MIN:
            after = lower[start:]
            return cues.NET_AFTER.search(after[: _next_stop(after)]) is not None
        if self._after is None or self._after.text is not lower:
            self._after = ClauseAfter(cues.CLAUSE_STOP, cues.NET_AFTER, lower)
        return self._after.names(start)

    def movement(self, kind: str, lower: str, mention: Mention, cue_text: str = "") -> _Reading:
        after = lower[mention.end:]
        net = self.net_before(lower, mention.start) or self.net_after(lower, mention.end)
        step = next((name for name, pattern in cues.STEP_OF_MOVEMENT if pattern.search(cue_text)), None)
        if kind == "UP":
            return _Reading("movement", sign=1, stated=True, net=net, step=step)
        if kind == "DOWN":
            return _Reading("movement", sign=-1, stated=True, net=net, step=step)
        # "compensaties van 355 keuro vanuit X en 160 keuro naar Y": each amount's own direction first
        sign = _own_direction(after)
        if sign is None:
            sign = _own_direction(lower, whole=True)
        return _Reading("movement", sign=sign or 1, stated=sign is not None, net=net, step=step)

    def credit_of_clause(self, lower: str, mention: Mention, previous: tuple[Mention, _Reading] | None,
                         previous_credit: str | None) -> str | None:
        """'Het VAK evolueert van 30.210 keuro in BA 2024 naar 33.310 keuro in BO 2025': an amount with no
        credit of its own, in the clause of an amount with one, shares it."""
        if previous is None or previous_credit is None:
            return None
        between = lower[previous[0].end: mention.start]
        return None if any(stop in between for stop in CLAUSE_STOPS) else previous_credit

    def credit_before(self, lower: str, mention: Mention, previous: tuple[Mention, _Reading] | None) -> str | None:
        start = previous[0].end if previous else 0
        return cues.credit_in(lower[start: mention.start])

    # -- breakdowns --------------------------------------------------------------------------
    def add_breakdown(self, parent: MovementClaim, parts: list[Mention], scope: Scope, *, exhaustive: bool) -> None:
        self.claims.breakdowns.append(
            BreakdownClaim(
                parent=parent.quantity, parts=[p.quantity for p in parts], scope=scope.id, credit=parent.credit,
                exhaustive=exhaustive, style="parentheses",
            )
        )
        self.use(*(p.quantity for p in parts))

    def read_structural_breakdowns(self, sentence: Sentence, money: list[Mention], scope: Scope) -> None:
        lower = sentence.text.lower()
        for marker, style in (("waarvan", "waarvan"), (":", "colon")):
            at = lower.find(marker)
            if at < 0:
                continue
            before = [m for m in money if m.start < at]
            after = [m for m in money if m.start > at]
            if not before or len(after) < 2 if style == "colon" else not before or not after:
                continue
            parent = before[-1]
            tail = lower[at:]
            self.claims.breakdowns.append(
                BreakdownClaim(
                    parent=parent.quantity, parts=[m.quantity for m in after], scope=scope.id,
                    credit=parent.credit, exhaustive=not cues.PARTIAL.search(tail), style=style,  # type: ignore[arg-type]
                    doubts=_breakdown_doubts(parent, after, guessed=len(before) > 1),
                )
            )
            self.use(parent.quantity, *(m.quantity for m in after))
            return

    def read_anaphora(self, money: list[Mention], state: _ScopeState, scope: Scope, lower: str) -> None:
        for movement in state.previous_movements:
            parts = [m for m in money if m.credit in (movement.credit, "BOTH") or movement.credit in (None, "BOTH") and m.credit is None]
            if not parts:
                continue
            self.claims.breakdowns.append(
                BreakdownClaim(
                    parent=movement.quantity, parts=[m.quantity for m in parts], scope=scope.id, credit=movement.credit,
                    exhaustive=not cues.PARTIAL.search(lower), style="anaphora",
                    doubts=["parent_guessed"],  # "deze middelen": the movement before is the nearest, not named
                )
            )
            self.use(*(m.quantity for m in parts))

    def close_list(self, state: _ScopeState, scope: Scope) -> None:
        if state.lead is not None and state.lead_parent is not None and len(state.bullet_parts) >= 2:
            lead = state.lead.text.lower()
            parent = state.lead_parent
            self.claims.breakdowns.append(
                BreakdownClaim(
                    parent=parent.quantity, parts=[m.quantity for m in state.bullet_parts], scope=scope.id,
                    credit=parent.credit or cues.credit_in(lead), exhaustive=not cues.PARTIAL.search(lead),  # type: ignore[arg-type]
                    style="bullets", doubts=_breakdown_doubts(parent, state.bullet_parts, guessed=not state.lead_named),
                )
            )
            self.use(parent.quantity, *(m.quantity for m in state.bullet_parts))
        state.lead = None
        state.lead_parent = None
        state.bullet_parts = []

    def subheading_breakdown(self, headings: list[list[Mention]], scope: Scope) -> None:
        """Sub-headings such as 'Begeleidingspremie (3.602 keuro VAK)' split the execution (BU)."""
        for credit in ("VAK", "VEK"):
            per_heading = [[m for m in money if m.credit in (credit, "BOTH", None)] for money in headings]
            self.claims.breakdowns.append(
                BreakdownClaim(
                    parent=None, parent_column="BU", parts=[m.quantity for part in per_heading for m in part],
                    scope=scope.id, credit=credit, exhaustive=True, style="subheadings",  # type: ignore[arg-type]
                    checkable=all(per_heading),
                )
            )
        self.use(*(m.quantity for money in headings for m in money))

    # -- percentages -------------------------------------------------------------------------
    def read_percentages(
        self, passage: Passage, sentence: Sentence, mentions: list[Mention], scope: Scope,
        state: _ScopeState, index: int, tied: bool,
    ) -> None:
        text = sentence.text
        lower = text.lower()
        for position, mention in enumerate(mentions):
            if mention.unit == "pp":
                self.read_gap(mention, scope, state, index, lower)
                continue
            if mention.unit != "pct":
                continue
            state.recent_percentages.append((index, mention))
            before = lower[: mention.start]
            after = lower[mention.end:]
            money_before = [m for m in mentions[:position] if m.unit == "keuro"]
            if tied and money_before and cues.PERCENT_AFTER_AMOUNT.match(lower[money_before[-1].end: mention.start]) and (
                cues.PERCENT_OF_AVAILABLE.match(after) or cues.EXECUTION_RATE.search(after[:40])
            ):
                numerator = money_before[-1]
                credit = numerator.credit or self.credit_before(lower, numerator, None) or cues.credit_in(after[:60])
                self.claims.percentages.append(
                    PercentageClaim(quantity=mention.quantity, scope=scope.id, credit=credit, numerator=numerator.quantity,  # type: ignore[arg-type]
                                    measure="execution", bound="eq")
                )
                self.use(mention.quantity)
                continue
            if tied and money_before and self.is_growth(lower, money_before[-1], mention):
                change = next(m for m in self.claims.movements if m.quantity.id == money_before[-1].quantity.id)
                self.claims.percentages.append(
                    PercentageClaim(quantity=mention.quantity, scope=scope.id, credit=change.credit,  # type: ignore[arg-type]
                                    numerator=money_before[-1].quantity, measure="growth", bound="eq")
                )
                self.use(mention.quantity)
                continue
            near = before[-60:]
            if tied and (cues.UNDERUSE.search(near) or cues.EXECUTION_RATE.search(lower)) and not money_before:
                measure = "underuse" if cues.UNDERUSE.search(near) else "execution"
                bound = "approx" if cues.APPROX.search(before) else "ge" if cues.BOUND_GE.search(before) else "le" if cues.BOUND_LE.search(before) else "eq"
                self.claims.percentages.append(
                    PercentageClaim(quantity=mention.quantity, scope=scope.id, credit=_percent_credit(lower, mention),  # type: ignore[arg-type]
                                    numerator=None, measure=measure, bound=bound)
                )
                self.use(mention.quantity)
                continue
            if self.read_ratio(passage, sentence, mention, scope, index):
                continue
            if scope.ise and not tied:
                years = YEAR.findall(text[: mention.start])
                if years:
                    self.claims.indicators.append(
                        IndicatorClaim(quantity=mention.quantity, scope=scope.id, ise=scope.ise, year=int(years[-1]),
                                       **_clauses(text, mentions, position))
                    )
                    self.use(mention.quantity)

    def is_growth(self, lower: str, amount: Mention, percentage: Mention) -> bool:
        """'stijgt met 352 keuro ten opzichte van BA 2025 (+1,0%)': a percentage in parentheses right after
        the amount of a net change is that change relative to BA."""
        between = lower[amount.end: percentage.start]
        net = any(m.net and m.quantity.id == amount.quantity.id for m in self.claims.movements)
        return net and len(between) <= cues.GROWTH_MAX_GAP and between.rstrip().endswith(("(", "(+", "+"))

    def read_ratio(self, passage: Passage, sentence: Sentence, mention: Mention, scope: Scope, index: int) -> bool:
        if not RATIO_WORD.search(sentence.text.lower()):
            return False
        for candidate in (sentence, passage.sentences[index - 1] if index > 0 else None):
            if candidate is None:
                continue
            counts = self.counted(passage, candidate)
            lower = candidate.text.lower()
            if len(counts) == 2 and re.search(r"\bvan\s+de\s*$", lower[: counts[0].start]):
                self.claims.ratios.append(
                    RatioClaim(quantity=mention.quantity, scope=scope.id, numerator=counts[1].quantity, denominator=counts[0].quantity)
                )
                self.use(mention.quantity)
                return True
        return False

    def counted(self, passage: Passage, sentence: Sentence) -> list[Mention]:
        """The bare numbers of a sentence, found once: each percentage of a sentence that names a ratio
        asks for those of its sentence and of the one before."""
        found = self.counts.get(sentence.start)
        if found is None:
            found = self.counts[sentence.start] = [
                m for m in find_mentions(passage, sentence, counts=True) if m.unit == "count"]
        return found

    def read_gap(self, mention: Mention, scope: Scope, state: _ScopeState, index: int, lower: str) -> None:
        if not cues.GAP.search(lower):
            return
        recent = [m for i, m in state.recent_percentages if index - i <= 2]
        if len(recent) < 2:
            return
        first, second = recent[-2], recent[-1]
        self.claims.gaps.append(GapClaim(quantity=mention.quantity, scope=scope.id, first=first.quantity, second=second.quantity))
        self.use(mention.quantity)


# characters: more than the longest match (before its trailing whitespace) of the patterns given to
# `_ends_with`: 'naar' (TARGET_BEFORE), 'van' (FROM_BEFORE), 'met' (WITH_BEFORE)
END_WINDOW = 16


def _ends_with(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text) for a pattern anchored at the end (`…\\s*$`), trying only the last
    END_WINDOW characters (and the whitespace after them): a search of the whole text from every start
    made reading a sentence quadratic in its length, and the last 400 were still most sentences whole,
    for every amount. A match ends where the trailing whitespace starts (it ends in `\\s*$`,
    and what it matches before that is no whitespace), so it starts within END_WINDOW of there. `\\b`
    at the window's start still sees the character before it."""
    end = len(text.rstrip())  # rstrip and \\s agree on what whitespace is (str.isspace)
    return pattern.search(text, max(0, end - END_WINDOW))


def _own_direction(after: str, *, whole: bool = False) -> int | None:
    """-1 'naar X', +1 'vanuit X', in the words after an amount up to the next amount (or in `after` whole)."""
    own = after if whole else after[: (m.start() if (m := cues.NEXT_AMOUNT.search(after)) else len(after))]
    if cues.DIRECTION_OUT.search(own):
        return -1
    if cues.DIRECTION_IN.search(own):
        return 1
    return None


def _step_named(lower: str, mention: Mention, previous: tuple[Mention, _Reading] | None,
                previous_step: str | None, nearest_cue: Callable[[str], Cue | None]) -> str | None:
    """The Kredietevolutie step an amount states: named just before it in its clause, or shared with the
    amount before it ('300 keuro VAK en 291 keuro VEK')."""
    start = previous[0].end if previous else 0
    before = lower[start: mention.start]
    clause = before[max(before.rfind(";"), before.rfind(". ")) + 1:]
    for name, pattern in cues.STEP_LEVEL:
        found = cues.last_match(pattern, clause)
        if found and len(clause[found.end():].split()) <= cues.STEP_LEVEL_MAX_WORDS \
                and nearest_cue(clause[found.end():]) is None:
            return name
    if previous_step and previous is not None and not any(stop in before for stop in (";", ". ")) \
            and nearest_cue(before) is None:
        return previous_step
    return None


def _level_year(lower: str, mention: Mention, previous: tuple[Mention, _Reading] | None) -> int | None:
    """The year printed with the level an amount restates: '21,2 miljoen euro in BO 2020', 'bij BA 2024 …'.
    A level named after the amount without its year ('… in BO' where a line break lost it) has none; a
    level named before it counts only when no other amount stands between ('van X in BO 2020 naar Y':
    2020 is X's year, not Y's)."""
    after = cues.LEVEL_YEAR_AFTER.match(lower[mention.end:])
    if after:
        return int(after.group("year")) if after.group("year") else None
    start = max(previous[0].end if previous else 0, mention.start - LEVEL_YEAR_WINDOW)
    before = cues.LEVEL_YEAR_BEFORE.search(lower[start: mention.start])
    return int(before.group("year")) if before else None


def _percent_credit(lower: str, mention: Mention) -> str | None:
    """'96,7% in VAK en 99,6% in VEK': each percentage has the credit named right after it; else the one
    credit its sentence names (none when it names both without pairing them)."""
    own = cues.CREDIT_AFTER_PERCENT.match(lower[mention.number_end:])
    if own:
        return own.group("credit").upper()
    return cues.credit_in(lower)


def _breakdown_doubts(parent: Mention, parts: list[Mention], *, guessed: bool) -> list[str]:
    doubts = ["parent_guessed"] if guessed else []
    credits = {m.credit for m in parts if m.credit in ("VAK", "VEK")}
    if parent.credit in ("VAK", "VEK") and credits and credits != {parent.credit}:
        doubts.append("credit_mismatch")
    return doubts


def _next_stop(text: str) -> int:
    """End of the clause after an amount: sentence end or clause break. Coordinated amounts
    ("2.000 keuro VAK en 2.000 keuro VEK herverdeeld naar …") share the verb that follows them."""
    match = cues.CLAUSE_STOP.search(text)
    return match.start() if match else len(text)


def _level_column(cue: str) -> str:
    """The table column a level cue names: 'ba-jr', '2e ba' → BA-JR; 'begrotingsopmaak' → BO; …"""
    compact = cue.replace(" ", "")
    for column, pattern in cues.LEVEL_CUES.items():
        if pattern.search(cue) or pattern.search(compact):
            return column
    return "BA"


# What the cue finder keeps: a sentence's prefixes up to an amount are its questions, so a sentence with
# hundreds of amounts would keep the square of its length; longer texts are scanned each time they are
# asked about, and a document with more distinct texts than this starts over
CUE_CACHE_TEXT_MAX = 1000  # characters
CUE_CACHE_ENTRIES = 4096  # distinct texts (at most about 4 million characters kept)
# a text longer than this is scanned by reusing the scan of an earlier text it begins like (CueScanner),
# and a sentence longer than this is searched per amount from its last words (PrefixSearch, ClauseAfter);
# a shorter one costs less to scan or search whole
CUE_SCAN_REUSE_MIN = 600  # characters


def closest_cue(found: list[Cue], first: bool = False) -> Cue | None:
    """The cue closest to the end of its text (by end, then length), or with `first` to its start, that
    is not inside a longer one ("herverdelingen" in "na bovenstaande herverdelingen" yields to it); on a
    tie the earlier in `found`. Candidates are tried in that order, so a sentence with hundreds of cues is
    not compared pair by pair."""
    if len(found) <= 1:
        return found[0] if found else None
    order = sorted(range(len(found)), key=(lambda n: (found[n][1], n)) if first else
                   (lambda n: (-found[n][2], -(found[n][2] - found[n][1]), n)))
    for n in order:
        cue = found[n]
        if not any(o is not cue and o[1] <= cue[1] and cue[2] <= o[2] and (o[2] - o[1]) > (cue[2] - cue[1])
                   for o in found):
            return cue
    return None  # not reached: the longest cue is inside no longer one


class _CueFinder:
    """The cues of each distinct text, found once per document: the readings of one amount ask for the
    cues of the same prefix of its sentence several times, and a BBT's articles repeat their sentences
    ("Het decretale krediet bedroeg bij BA 2024 …"). Seven scans of the text per question were up to a
    quarter of the time of reading the claims. Lives as long as the document's ClaimReader, bounded by
    CUE_CACHE_TEXT_MAX and CUE_CACHE_ENTRIES."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[list[Cue], list[Cue]]] = {}
        self.scanner = CueScanner()

    def nearest(self, text: str, *, first: bool = False, levels_only: bool = False) -> Cue | None:
        """The cue closest to the end of `text` (or its start with `first`): (kind, start, end)."""
        levels, movements = self.found.get(text) or self.scan(text)
        found = levels if levels_only else levels + movements
        return closest_cue(found, first)

    def scan(self, text: str) -> tuple[list[Cue], list[Cue]]:
        if len(text) <= CUE_SCAN_REUSE_MIN:
            levels, movements = scan_whole(text)
        else:
            levels, movements = self.scanner.scan(text)  # a long prefix: only its end is scanned again
        if len(text) <= CUE_CACHE_TEXT_MAX:
            if len(self.found) >= CUE_CACHE_ENTRIES:
                self.found.clear()
            self.found[text] = (levels, movements)
        return levels, movements


CLAUSE_BREAK = re.compile(r"[,;:]|\sen\s")


def _clauses(text: str, mentions: list[Mention], position: int) -> dict[str, str]:
    """The clause before and after a number: indicators are named either side ('de werkzaamheidsgraad
    steeg naar 47,3%' / '88% hadden een voldoende liquiditeit')."""
    mention = mentions[position]
    start = mentions[position - 1].end if position > 0 else 0
    end = mentions[position + 1].start if position + 1 < len(mentions) else len(text)
    before = text[start: mention.start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end():] if breaks else before
    after = text[mention.end: end]
    first = CLAUSE_BREAK.search(after)
    after = after[: first.start()] if first else after
    return {"context_before": before, "context_after": after}


def extract_claims(doc: BBTDocument, lines: list[str]) -> Claims:
    return ClaimReader(doc, lines).read()
