"""How a sentence presents an action: asserted, intended, negated, hypothetical, feared, alleged.

The modality of a trigger is read from its own dependents (negation, modal
auxiliaries, "if") and from the verbs that govern it ("plans to", "is to",
"fears that", "accused of"), climbing the dependency tree until a reporting
verb or the root. The word lists below are closed-class grammar, not lexicon.
"""

from __future__ import annotations

from typing import Any

Token = Any

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "can"})
OBLIGATION_AUX = frozenset({"should", "must", "ought"})
INTENT_HEADS = frozenset({
    "plan", "intend", "expect", "want", "hope", "seek", "aim", "prepare", "agree", "promise",
    "pledge", "vow", "decide", "offer", "commit", "wish", "propose", "schedule", "set", "due",
    "ready", "willing", "determine", "resolve", "look", "go", "attempt", "try", "strive", "mean",
    "eager", "poise", "confirm", "announce", "consider", "need", "vote", "move", "swear",
    "prepared", "determined", "committed", "poised", "scheduled", "expected",
})
WISH_HEADS = frozenset({"want", "wish", "expect", "like", "prefer", "hope"})
"""Verbs of wanting: what they want of another actor is not that actor's plan."""
APPEAL_HEADS = frozenset({"urge", "ask", "call", "invite", "request", "press", "push", "encourage", "appeal",
                          "demand", "tell", "advise", "order", "pressure", "persuade", "implore", "beg"})
TOPIC_HEADS = frozenset({"discuss", "debate", "explore", "examine", "study", "consider", "weigh", "mull"})
"""Verbs whose verbal object is a subject of talk, not something done: "discussed deepening ties"."""
THREAT_HEADS = frozenset({"threaten"})
"""Verbs whose infinitive is only threatened: "threatened to impose sanctions" is a 13x threat."""
REFUSAL_HEADS = frozenset({"refuse", "decline", "fail", "reject", "resist", "avoid", "cease", "stop", "forgo", "deny",
                           "refrain", "abstain", "desist"})
"""Verbs whose infinitive is not done: "refused to meet" (the refusal is coded, not the meeting)."""
DEMAND_HEADS = frozenset({"urge", "ask", "request", "demand", "press", "push", "appeal", "call", "insist"})
"""Verbs whose "that" clause is requested, not done: "demanded that Togo release ..."."""
FEAR_HEADS = frozenset({"fear", "worry", "concern", "afraid", "dread", "suspect"})
ALLEGE_HEADS = frozenset({"accuse", "allege", "claim", "charge", "suspect"})
HYPOTHESIS_MARKS = frozenset({"if", "unless", "whether", "lest"})
FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "forthcoming", "proposed", "future", "possible",
                              "potential", "expected", "scheduled", "next", "prospective"})
BE_FORMS = frozenset({"is", "are", "was", "were", "am", "be", "'s", "’s", "'re", "’re", "'m", "’m"})
REPORTING = frozenset({"say", "tell", "state", "add", "report", "note", "announce", "stress", "write"})


def modality(trigger: Token) -> str:
    """The modality of the action named by ``trigger`` (a verb or an event noun)."""
    state = "asserted"
    token = trigger
    for _ in range(6):
        own = _own_modality(token)
        if own == "would":
            reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING | INTENT_HEADS
            own = "intended" if reported else "hypothetical"
        if own in ("negated", "hypothetical", "feared"):
            return own
        if own == "intended":
            state = "intended"
        if token.dep_ in ("ROOT",) or token.head is token:
            break
        if token.dep_ == "conj" and ((token.tag_ in ("VBD", "VBZ") and token.head.tag_ == "VB") or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children)):
            break  # "would not support X and *criticised* Y", "was not a threat and that Ethiopia *was* ready":
            # a finite verb, or a clause with its own subject, has its own time and polarity
        governor = token.head
        lemma = governor.lemma_.lower()
        if token.dep_ in ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "pobj", "dobj", "conj", "prep",
                          "attr", "nsubj", "nsubjpass", "relcl", "acl", "compound", "amod", "appos"):
            if lemma in FEAR_HEADS or (governor.pos_ == "NOUN" and lemma in FEAR_HEADS):
                return "feared"
            if token.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and lemma in TOPIC_HEADS and token.pos_ == "VERB":
                return "hypothetical"  # only talked about: "discussed deepening cooperation"
            if token.dep_ in ("xcomp", "pcomp", "dobj", "ccomp") and lemma in REFUSAL_HEADS and token.pos_ == "VERB":
                return "negated"  # "refused to meet", "denied supplying weapons"
            if token.dep_ == "prep" and token.lower_ == "from" and lemma in REFUSAL_HEADS:
                return "negated"  # "refrain *from attacking*", "desist from"
            if token.dep_ == "pcomp" and governor.lower_ == "against":
                return "hypothetical"  # "warned Beijing against providing support": not done
            if (token.dep_ == "xcomp" and lemma in APPEAL_HEADS | THREAT_HEADS) or (
                    token.dep_ == "ccomp" and lemma in DEMAND_HEADS):
                return "hypothetical"  # requested or threatened, not done: "urged Iran to release...", "demanded
                # that X leave", "threatened to impose sanctions"
            if token.dep_ in ("xcomp", "ccomp") and lemma in WISH_HEADS and (
                    any(c.dep_ in ("dobj", "dative") for c in governor.children)
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)):
                return "hypothetical"  # "Obama wants *Putin* to attack": wished of another, not done
            if token.dep_ in ("xcomp", "ccomp", "acomp") and lemma in INTENT_HEADS:
                state = "intended"
            if token.dep_ in ("ccomp", "pcomp", "pobj", "prep") and lemma in ALLEGE_HEADS and state == "asserted":
                state = "alleged"
            if token.dep_ == "xcomp" and (lemma == "be" or governor.lower_ in BE_FORMS):
                state = "intended"
            if lemma in REPORTING and token.dep_ == "ccomp":
                break
        if token.dep_ in ("relcl", "acl"):
            break  # a relative clause has its own time: "hostages, whom they had taken, will be freed"
        token = governor
    return state


def _own_modality(token: Token) -> str:
    children = list(token.children)
    lowers = {c.lower_ for c in children}
    if any(c.dep_ == "neg" for c in children) or (lowers & {"never"}):
        return "negated"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHESIS_MARKS for c in children):
        return "hypothetical"
    if token.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ == "before" for c in children):
        return "intended"  # "days before Jaishankar *travels* to Islamabad": still to come
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX == {"would"}:
        return "would"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if aux & (FUTURE_AUX | OBLIGATION_AUX):
        return "intended"  # "we should strengthen ties"; a demand on another actor is the coder's call
    if any(c.dep_ == "amod" and c.lower_ in FUTURE_MODIFIERS for c in children):
        return "intended"
    if token.tag_ == "VBG" and "going" in lowers:
        return "intended"
    if is_headline_infinitive(token):
        return "intended"  # a headline: "Leaders to discuss trade"
    return "asserted"


def is_obligation(clause: Token) -> bool:
    """A clause saying what its subject must do: "must"/"should" ("China must drop barriers") or
    "needs to" ("Japan needs to enact reforms")."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
        return True
    conditional = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX for c in clause.children)
    return bool(clause.lemma_ == "need" and not conditional and any(c.dep_ == "xcomp" for c in clause.children))


def is_refusal(trigger: Token) -> bool:
    """A negated promise ("will not sign", "would not provide"): a refusal, coded 12x."""
    children = list(trigger.children)
    negated = any(c.dep_ == "neg" for c in children)
    return negated and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in children)


def is_headline_infinitive(token: Token) -> bool:
    """The verb of a headline "X to do Y": a bare infinitive that is the root, or that hangs from a
    root noun phrase (its subject, for the parser)."""
    if token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if token.dep_ == "ROOT":
        return True
    head = token.head
    return bool(token.dep_ in ("advcl", "acl", "relcl") and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN"))


def has_future_aux(trigger: Token) -> bool:
    """Whether the trigger has a future auxiliary ("will meet"), for resolving "on Wednesday"."""
    return any(c.lower_ in FUTURE_AUX for c in trigger.children if c.dep_ == "aux")
