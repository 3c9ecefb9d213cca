"""argparse's own words in Chinese: a small translation catalog installed through argparse's
gettext hook while the ``gongkai`` parser is built and used.

argparse marks every word it prints itself ("usage: ", "positional arguments", "invalid choice:
…", "the following arguments are required: …") with ``_()`` / ``ngettext()``, names it binds
from :mod:`gettext` when it is imported. The documented way to translate them (Python's argparse
HOWTO, "How to translate the argparse output") is a gettext translation of those messages.
Why a catalog in Python and installed on those two names, rather than a compiled .mo file bound
with ``gettext.bindtextdomain``/``textdomain``:

- gettext picks the language from LANGUAGE/LC_ALL/LANG, but every other word of the CLI is
  Chinese whatever the locale (servers run with LANG=C.UTF-8): argparse must not switch to
  English on such a machine;
- ``textdomain`` changes the default domain of the whole process, for any library that calls
  ``gettext.gettext``; the two names below are argparse's alone, and :func:`chinese_argparse`
  puts the originals back when the command line has been parsed;
- a .mo file is binary and needs a build step; the dict below is reviewable text, and
  tests/web/test_cli.py checks it against the messages of the running Python's argparse (none
  missing, none stale, the same ``%`` placeholders).

(Subclassing ArgumentParser could reach only some of these words -- the group titles and the
help line -- while the error messages are built inside private methods.)
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType

#: msgid (exactly as argparse writes it) -> Chinese.
CATALOG: Mapping[str, str] = MappingProxyType(
    {
        "usage: ": "用法：",
        "positional arguments": "位置参数",
        "options": "选项",
        "subcommands": "子命令",
        "show this help message and exit": "显示帮助信息并退出",
        "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
        "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
        "the following arguments are required: %s": "缺少必需的参数：%s",
        "one of the arguments %s is required": "参数 %s 中必须给出一个",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
        "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
        "expected one argument": "需要一个值",
        "expected at most one argument": "最多需要一个值",
        "expected at least one argument": "至少需要一个值",
        "expected %s argument": "需要 %s 个值",
        "expected %s arguments": "需要 %s 个值",
        "ambiguous option: %(option)s could match %(matches)s": (
            "有歧义的选项：%(option)s 可以匹配 %(matches)s"
        ),
        "not allowed with argument %s": "不能与参数 %s 同时使用",
        "ignored explicit argument %r": "忽略了多余的值 %r",
        "unexpected option string: %s": "意外的选项：%s",
        "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
        "unknown parser %(parser_name)r (choices: %(choices)s)": (
            "未知的命令 %(parser_name)r（可选：%(choices)s）"
        ),
        "%r is not callable": "%r 不可调用",
        'argument "-" with mode %r': "参数“-”不能使用模式 %r",
        # Errors in how a program defines its arguments (a developer's mistake, not a user's).
        ".__call__() not defined": ".__call__() 未定义",
        "'required' is an invalid argument for positionals": "位置参数不能使用 required",
        "mutually exclusive arguments must be optional": "互斥的参数必须是可选参数",
        "cannot merge actions - two groups are named %r": "无法合并参数：两个参数组都名为 %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
            "无效的选项 %(option)r：必须以字符 %(prefix_chars)r 开头"
        ),
        "dest= is required for options like %r": "像 %r 这样的选项必须指定 dest=",
        "invalid conflict_resolution value: %r": "无效的 conflict_resolution 值：%r",
        "cannot have multiple subparser arguments": "不能有多组子命令",
        "conflicting subparser: %s": "子命令重复：%s",
        "conflicting subparser alias: %s": "子命令别名重复：%s",
        "conflicting option string: %s": "选项重复：%s",
        "conflicting option strings: %s": "选项重复：%s",
    }
)


class ArgparseChinese(gettext.NullTranslations):
    """:data:`CATALOG` as a gettext translation; anything not in it stays as written."""

    def gettext(self, message: str) -> str:
        return CATALOG.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        message = msgid1 if n == 1 else msgid2
        return CATALOG.get(message, message)


@contextmanager
def chinese_argparse() -> Iterator[None]:
    """argparse speaks Chinese inside the block (building the parser, parsing, printing help)."""
    translation = ArgparseChinese()
    saved = argparse.__dict__["_"], argparse.__dict__["ngettext"]
    # setattr: typeshed does not declare argparse's module-level gettext names.
    setattr(argparse, "_", translation.gettext)  # noqa: B010
    setattr(argparse, "ngettext", translation.ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010
