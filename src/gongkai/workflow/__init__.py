"""Disclosure applications as data: who applies, what a letter must say, how a case can end,
and how it moves -- the rules as data, one module per subject.

For the web layer -- call these, never re-encode the rules::

    from gongkai.workflow.applicants import ApplicantType
    from gongkai.workflow.letter_elements import LetterElement, LETTER_ELEMENT_LABELS
    from gongkai.workflow.outcomes import OUTCOMES, WithheldPart, required_letter_elements
    from gongkai.workflow.outcomes import reconsideration_first, validate_resolution
    from gongkai.workflow.cases import CaseState, Action, Role, transition, allowed_actions

    t = transition(CaseState.UNDER_REVIEW, Action.APPROVE, Role.REVIEWER)   # or TransitionError
    t.target                        # the new state
    LAPSE_OUTCOMES[state]           # the （六）1/2 outcome a confirmed lapse's reply must have
    allowed_actions(state, role)    # the buttons to show
    required_letter_elements("partial", decided_on=d, withheld=[WithheldPart("…", "deny_process")])

Modules:

- :mod:`~gongkai.workflow.applicants` -- applicant types, the columns of 表三;
- :mod:`~gongkai.workflow.letter_elements` -- what a reply or procedural letter must contain;
- :mod:`~gongkai.workflow.outcomes` -- the table-3 outcome rows, their legal grounds, 部分公开 and
  复议前置;
- :mod:`~gongkai.workflow.cases` -- case states, roles, actions and the transition table.

Vocabulary (Froide's, see house-style.md): a case's *state* says where it is (``CaseState``),
its *resolution* how it ended -- one of the table-3 outcome rows (``OUTCOMES``, keyed by
``gongkai.report.model.TABLE3_ROWS`` keys). Whether a case is overdue is never a state: it is
computed by :func:`gongkai.deadlines.status_on`.

Sources: application-handling.md 一 (legal basis and what the letter must say, quoted from the
条例), 3.2 (复议前置), 3.3; issue 6 for the common letter elements and the review workflow.
"""
