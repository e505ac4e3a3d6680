from mtlint.cli import main

raise SystemExit(main())
