"""The annual report (年度报告): model, JSON, rules, readers and renderers."""
