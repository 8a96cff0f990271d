"""The command line: `lkj` and its Indonesian help (`cli`, `cli_id`), folders of workbooks
(`cli_banyak`, `folder`) run in worker processes (`paralel`).

May import: anything; nothing imports it but generator.__main__ and the installed `lkj`.
"""
