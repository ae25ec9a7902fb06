from enhetschef_app.cli import main

raise SystemExit(main())
