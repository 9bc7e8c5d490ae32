"""argparse's own words in Japanese, by the English it passes to ``gettext`` (Python 3.11-3.13).

They are argparse's message ids, not ours: ``cli.argparse_lang`` hands them to argparse, which
formats them itself (the usage line, the section titles, its errors about the arguments).
"""

ARGPARSE_JA: dict[str, str] = {
    "usage: ": "使い方: ",
    "positional arguments": "位置引数",
    "options": "オプション",
    "subcommands": "コマンド",
    "show this help message and exit": "このヘルプを表示して終了します",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r は選べません（選べるもの: %(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "%(type)s として無効な値です: %(value)r",
    "unrecognized arguments: %s": "認識できない引数です: %s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "expected one argument": "値が1つ必要です",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値が1つ以上必要です",
    "ambiguous option: %(option)s could match %(matches)s": (
        "あいまいなオプションです: %(option)s に当てはまるものが複数あります（%(matches)s）"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "ignored explicit argument %r": "値 %r は使われません",
    "unexpected option string: %s": "予期しないオプションです: %s",
    "one of the arguments %s is required": "引数 %s のどれかが必要です",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "%(parser_name)r というコマンドはありません（選べるもの: %(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' を開けません: %(error)s",
    "expected %s argument": "値が%s個必要です",
    "expected %s arguments": "値が%s個必要です",
}
