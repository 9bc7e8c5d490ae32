"""The command line's words in Japanese (``cli_en`` has the same keys, in English)."""

CLI_JA: dict[str, str] = {
    # The help: the program, its commands, their options
    "cli.description": (
        "日本、米国「ジェネシス・ミッション」初の国際パートナーに: 記事を日本語と英語で、"
        "日英の用語集とともに読みます。コマンドなしではリーダーを開き、標準出力が端末でない"
        "とき（または TERM=dumb のとき）は記事をテキストで出力します。"
    ),
    "cli.commands": "コマンド",
    "cli.help.read": "リーダーを開く（既定）",
    "cli.help.check": "内容のディレクトリを検査し、誤りをすべて報告する",
    "cli.help.export": "記事を標準出力に書き出す",
    "cli.help.readings": (
        "DIR/readings.toml にない日本語の読みを下書きする。すでにある読みはすべて残す"
        "（追加の依存 authoring が必要: チェックアウトで pip install '.[authoring]'）"
    ),
    "cli.help.lexicon": (
        "DIR/lexicon.toml にない語と見出しを下書きする。すでにある見出しはすべて残す"
        "（追加の依存 authoring が必要: チェックアウトで pip install '.[authoring]'）"
    ),
    "cli.help.serve": (
        "リーダーをウェブブラウザに配信する（追加の依存 web が必要: チェックアウトで"
        " pip install '.[web]'）"
    ),
    "cli.help.version": "バージョンを表示して終了します",
    "cli.help.content": "同梱の内容の代わりに DIR から記事を読む",
    "cli.help.directory": "内容のディレクトリ（既定: --content のもの、なければ同梱の内容）",
    "cli.help.ui_lang": "画面の言語（既定: LC_ALL、LC_MESSAGES、LANG の順に見て、ja_* なら ja）",
    "cli.help.section": "節の ID か番号: リーダーが始める節、または書き出す節",
    "cli.help.lang": "表示する言語（既定: both、日本語と英語）",
    "cli.help.width": "テキストを N セルで折り返す（既定: 端末の幅、わからなければ 80）",
    "cli.help.ascii": (
        "罫線とスクロールバーを ASCII で描く。East Asian Ambiguous の文字を2セル幅で描く"
        "端末のため（GENESIS_TUI_ASCII=1 でも同じ）"
    ),
    "cli.help.no_state": (
        "読んでいる位置を読み込みも保存もしない。多くの人が共有するアカウントのため"
        "（GENESIS_TUI_STATE=off でも同じ）"
    ),
    "cli.help.screen_reader": (
        "点字ディスプレーや端末のスクリーンリーダーのために、端末のカーソルを表示したまま"
        "読んでいる行に置く。一度に一つの言語を一段で、罫線なしで表示（"
        "GENESIS_TUI_SCREEN_READER=1 でも同じ）"
    ),
    "cli.help.no_mouse": (
        "マウスを端末に任せ、端末自身の選択とコピーを使えるようにする"
        "（GENESIS_TUI_NO_MOUSE=1 でも同じ）"
    ),
    "cli.help.theme": (
        "配色のテーマ。textual-light や nord など（次回も使われます。一覧はパレットの「テーマ」で）"
    ),
    "cli.help.format": (
        "次のいずれか:\n"
        "txt（既定）: --width で折り返すテキスト\n"
        "md: Markdown\n"
        "json: 記事・用語集・年表のデータ（スキーマ 3）\n"
        "html: ブラウザとスクリーンリーダーのための、ルビつきの 1 ページ\n"
        "apkg: 語の Anki カード、Anki で開くパッケージ（--words、--output）\n"
        "tsv: 同じカードを Anki の読み込み用テキストで（--words）"
    ),
    "cli.help.ruby": (
        "日本語に読みをつける: txt では青空文庫の記法（｜基《き》）、md では HTML の ruby"
        "（JSON にはいつも含まれます）"
    ),
    "cli.help.vocabulary": "md のみ: 各節の終わりに、その節の語と読みと語義を並べる",
    "cli.help.prune": (
        "下書きの前に、内容からなくなったもの（消えた文の読みと、文に合わなくなった語）を"
        "取り除き、一覧を表示する。内容を編集した後に使う"
    ),
    "cli.help.accents": (
        "アクセントのための Kanjium の accents.txt（なければアクセントは下書きしない）"
    ),
    "cli.help.host": "待ち受けるアドレス（既定: 127.0.0.1、このマシンのみ）",
    "cli.help.port": "ポート（既定: 8000）",
    "cli.help.public_url": (
        "ブラウザがサーバーに接続するときのアドレス。http://HOST:PORT と異なるとき（0.0.0.0 で"
        "待ち受けるとき、プロキシの後ろにあるとき）に指定する。ページはこのアドレスに接続し直し、"
        "このアドレスのページだけがセッションを開けます"
    ),
    "cli.help.allow_origin": (
        "ORIGIN（scheme://host:port）のページからのセッションも受け付ける。サーバーの前の"
        "プロキシのアドレスなど。くり返し指定できます（既定: サーバー自身のアドレスのみ）"
    ),
    "cli.help.max_sessions": (
        "同時に読めるのは N 人まで。それを超えるセッションは断ります（既定: 8）"
    ),
    # Usage errors
    "cli.error.not_a_number": "数ではありません: {value!r}",
    "cli.error.out_of_range": "{low} から {high} までの数にしてください（{number} は範囲外です）",
    "cli.error.help_hint": "ヘルプ: {command} --help",
    "cli.error.not_for_command": "リーダーのオプションで、{command} には使えません: {options}",
    "cli.error.no_section": "{section!r} という節はありません（節: {ids}、または 1-{count}）",
    "cli.error.no_theme": "{name!r} というテーマはありません（テーマ: {names}）",
    "cli.error.ruby_json": (
        "--ruby は txt と md のためのものです（JSON の書き出しにはいつも読みが含まれます）"
    ),
    "cli.error.ruby_html": (
        "--ruby は txt と md のためのものです（HTML のページにはいつも読みが含まれ、"
        "ページのチェックボックスで隠せます）"
    ),
    "cli.error.vocabulary": (
        "--vocabulary は md のためのものです（JSON の書き出しにはいつも語彙が含まれます）"
    ),
    "cli.error.lang_json": (
        "--lang は txt と md のためのものです（JSON の書き出しはいつも両方の言語を含みます）"
    ),
    "cli.error.width": (
        "--width はテキスト（--format txt）の折り返し幅です。{format} は折り返しません"
    ),
    "cli.error.no_readings": "{directory} には読み（readings.toml）がありません",
    "cli.error.content_error": "内容の誤り {count} 件:",
    "cli.error.content_errors": "内容の誤り {count} 件:",
    "cli.error.serve_needs_web": (
        "serve には textual-serve が必要です: チェックアウトで pip install '.[web]'"
    ),
    "cli.error.cannot_write_readings": "読みを書き込めません: {error}",
    "cli.error.cannot_write_lexicon": "語彙を書き込めません: {error}",
    "cli.error.stdout_closed": "標準出力が閉じています",
    "cli.error.stdout_unwritable": "標準出力に書き込めません: {error}",
    # What check and the drafting commands say
    "cli.check.ok": (
        "{directory}: 問題なし — {sections} 節、{blocks} ブロック、用語 {terms} 語、"
        "年表の出来事 {events} 件"
    ),
    "cli.readings.removed_gone": "{key} を取り除きました（その文はもうありません）: {words}",
    "cli.readings.removed_misfit": "{key} を取り除きました（文に合わなくなりました）: {words}",
    "cli.readings.summary": (
        "{path}: {texts} 文の読みを {drafted} 件下書きし、{kept} 件はそのまま残しました。"
    ),
    "cli.readings.summary_pruned": (
        "{path}: {texts} 文の読みを {drafted} 件下書きし、{kept} 件はそのまま残し、"
        "{removed} 件を取り除きました。"
    ),
    "cli.lexicon.summary": (
        "{path}: {texts} 文について見出しを {entries} 件下書きし、見出し {kept_entries} 件と"
        " {kept_texts} 文はそのまま残しました。"
    ),
    "cli.lexicon.no_accents": (
        "アクセントは下書きしていません（--accents FILE で Kanjium の accents.txt を指定）。"
    ),
    "cli.lexicon.no_glosses": "語義が見つからなかった語: {words}。",
    "cli.review": "下書きしたものを見直してから、`genesis-tui check` を実行してください。",
    # Why drafting cannot go on
    "authoring.needs_sudachi_readings": (
        "読みの下書きには形態素解析器が必要です: チェックアウトで pip install '.[authoring]'"
    ),
    "authoring.needs_sudachi_lexicon": (
        "語彙の下書きには形態素解析器が必要です: チェックアウトで pip install '.[authoring]'"
    ),
    "authoring.broken_dictionary": (
        "形態素解析器の辞書を読み込めません（{error}）: チェックアウトで pip install '.[authoring]'"
    ),
    "authoring.needs_jmdict": (
        "語彙の下書きには JMdict が必要です: チェックアウトで pip install '.[authoring]'"
    ),
    "authoring.no_jmdict_data": ("JMdict のデータベースがありません: pip install jamdict-data"),
    "authoring.unreadable": "{path}: 読めないため、そのままにします（{error}）",
    "authoring.flaw": (
        "{path}: {key}: {message}（先に直してください。下書きするとこの内容が失われます）"
    ),
    "authoring.no_accents": "{path}: アクセントを読めません（{error}）",
    "cli.help.words": (
        "apkg と tsv: カードにする語。new（既定: 語カーソルで状態を付けていない語）、"
        "learning（段階 1〜5）、all（無視した語のほかすべて）"
    ),
    "cli.help.output": (
        "apkg と tsv: 書き出すファイル（apkg の既定は genesis-tui-words.apkg、tsv は標準出力）"
    ),
    "cli.error.cards_only": (
        "--words と --output はカード（apkg、tsv）のためのものです。{format} には使えません"
    ),
    "cli.error.not_for_cards": (
        "--ruby、--vocabulary、--lang、--width は記事の書き出しのためのものです。"
        "{format} には使えません"
    ),
    "cli.error.no_lexicon": (
        "{directory} には語彙（lexicon.toml）がありません。カードにする語がありません"
    ),
    "cli.error.no_cards": "カードにする語がありません（--words {words}）",
    "cli.error.no_genanki": (
        "--format apkg には anki の追加機能（genanki）が必要です: pip install 'genesis-tui[anki]'"
        "（チェックアウトでは pip install '.[anki]'）。--format tsv は何も要りません"
    ),
    "cli.error.cannot_write_cards": "{path} に書き込めません: {error}",
    "cli.warning.statuses": "語の状態のファイル {path} は{problem}。そのままにしました",
    "cli.cards.written_one": "{path}: ノート {count} 件（{words} の語）",
    "cli.cards.written": "{path}: ノート {count} 件（{words} の語）",
}
