"""Demo data for ``gongkai serve --demo``, one module per noun.

- :mod:`~gongkai.web.demo.city` -- ``build()`` and ``summary()``: the whole city, in one transaction;
- :mod:`~gongkai.web.demo.people` -- agencies, accounts of every role, generated applicants;
- :mod:`~gongkai.web.demo.replay` -- a case's history replayed through the actions day by day;
- :mod:`~gongkai.web.demo.cases` -- the scenarios of ordinary cases (补正, 延期, 征求意见, 收费 …);
- :mod:`~gongkai.web.demo.replies` -- the reply: draft, review, letter, delivery;
- :mod:`~gongkai.web.demo.consultation` -- a third party consulted (第三十二条);
- :mod:`~gongkai.web.demo.fees` -- 按件收费 for a frequent applicant;
- :mod:`~gongkai.web.demo.appeals` -- 行政复议 and 行政诉讼 cases (表四).

Catalogues, the portal and the annual reports are built by the disclosure and annual apps' own
``demo`` modules, called from :func:`gongkai.web.demo.city.build`.
"""
