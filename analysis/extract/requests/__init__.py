"""Requests (appeals, CAMEO 02x): the lexicon of constructions, and the coding of who asks whom for what.

``lexicon`` lists the words, ``coding`` finds and codes the requests of one
document.
"""

from analysis.extract.requests.coding import Request, extract_requests, may_hold_a_cue

__all__ = ["Request", "extract_requests", "may_hold_a_cue"]
