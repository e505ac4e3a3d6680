from mtlint.interfaces.cli import main

raise SystemExit(main())
