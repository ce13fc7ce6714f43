package api

import (
	"encoding/json"
	"net/http"

	"github.com/sourcegraph/sourcegraph/cmd/symbols/squirrel"
)

// SymbolInfoHandler serves POST /symbolInfo with a squirrel service per request.
func SymbolInfoHandler(readFile squirrel.ReadFileFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var point squirrel.Point
		if err := json.NewDecoder(r.Body).Decode(&point); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		service := squirrel.New(readFile)
		defer service.Close()

		info, err := service.SymbolInfo(r.Context(), point)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(info)
	}
}
