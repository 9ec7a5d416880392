module dialogcheck

go 1.19
