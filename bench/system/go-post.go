// The Go peer: COUNT POSTs of the body in BODY_FILE to URL with Go's net/http client, standard
// library only. One http.Transport opens at most CONNECTIONS connections to the host and keeps
// them all alive between requests (MaxConnsPerHost, MaxIdleConnsPerHost); CONNECTIONS goroutines
// each send one request at a time and read its whole answer. No proxy (the Transport's Proxy is
// nil), Go's default headers (User-Agent, Accept-Encoding: gzip). Prints
// "rate=R failed=F seconds=S connections=C dials=D" (requests per second; the most connections
// open at once; connections opened in all, more when one was closed and replaced).
//
//	go-post URL COUNT CONNECTIONS BODY_FILE
//
// bench/system/run.sh builds it with Debian's golang-go (GOPROXY=off: nothing is downloaded).
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// A connection that counts itself out of `open` when it is closed.
type countedConn struct {
	net.Conn
	open   *int64
	closed sync.Once
}

func (c *countedConn) Close() error {
	c.closed.Do(func() { atomic.AddInt64(c.open, -1) })
	return c.Conn.Close()
}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: go-post URL COUNT CONNECTIONS BODY_FILE")
		os.Exit(2)
	}
	url := os.Args[1]
	count, err := strconv.Atoi(os.Args[2])
	if err != nil || count < 1 {
		fmt.Fprintf(os.Stderr, "go-post: COUNT must be a positive number, not %q\n", os.Args[2])
		os.Exit(2)
	}
	connections, err := strconv.Atoi(os.Args[3])
	if err != nil || connections < 1 {
		fmt.Fprintf(os.Stderr, "go-post: CONNECTIONS must be a positive number, not %q\n", os.Args[3])
		os.Exit(2)
	}
	body, err := os.ReadFile(os.Args[4])
	if err != nil {
		fmt.Fprintf(os.Stderr, "go-post: %v\n", err)
		os.Exit(2)
	}

	var dials, open, mostOpen int64
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
			connection, err := dialer.DialContext(ctx, network, address)
			if err != nil {
				return nil, err
			}
			atomic.AddInt64(&dials, 1)
			now := atomic.AddInt64(&open, 1)
			for most := atomic.LoadInt64(&mostOpen); now > most; most = atomic.LoadInt64(&mostOpen) {
				if atomic.CompareAndSwapInt64(&mostOpen, most, now) {
					break
				}
			}
			return &countedConn{Conn: connection, open: &open}, nil
		},
		MaxConnsPerHost:     connections,
		MaxIdleConnsPerHost: connections,
		MaxIdleConns:        connections,
		IdleConnTimeout:     90 * time.Second,
	}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var started, failed int64
	var firstError atomic.Value
	post := func() {
		request, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		if err == nil {
			request.Header.Set("Content-Type", "application/json")
			var response *http.Response
			response, err = client.Do(request)
			if err == nil {
				_, err = io.Copy(io.Discard, response.Body)
				response.Body.Close()
				if err == nil && response.StatusCode != http.StatusOK {
					err = fmt.Errorf("status %d", response.StatusCode)
				}
			}
		}
		if err != nil {
			atomic.AddInt64(&failed, 1)
			firstError.CompareAndSwap(nil, err.Error())
		}
	}

	begin := time.Now()
	var workers sync.WaitGroup
	for w := 0; w < connections; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for atomic.AddInt64(&started, 1) <= int64(count) {
				post()
			}
		}()
	}
	workers.Wait()
	seconds := time.Since(begin).Seconds()

	fmt.Printf("rate=%d failed=%d seconds=%.3f connections=%d dials=%d\n",
		int64(math.Round(float64(count)/seconds)), failed, seconds, atomic.LoadInt64(&mostOpen),
		atomic.LoadInt64(&dials))
	if failed != 0 {
		fmt.Fprintf(os.Stderr, "go-post: %d requests failed, the first: %v\n", failed, firstError.Load())
		os.Exit(3)
	}
}
