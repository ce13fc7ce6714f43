package invoices

import "testing"

func TestBalanceSumsOneAccount(t *testing.T) {
	var ledger Ledger
	_ = ledger.Append(Entry{Account: "acme", AmountCents: 1200})
	_ = ledger.Append(Entry{Account: "acme", AmountCents: -200})
	_ = ledger.Append(Entry{Account: "other", AmountCents: 999})
	if got := ledger.Balance("acme"); got != 1000 {
		t.Fatalf("balance = %d, want 1000", got)
	}
}
