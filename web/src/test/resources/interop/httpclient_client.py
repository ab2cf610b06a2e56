"""Python's http.client against a server: two GETs and a POST on one keep-alive connection.

Usage: httpclient_client.py PORT; prints one line per response: status, the Connection header, body.
"""
import http.client
import sys

conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=20)
for method, path, body in (("GET", "/hello.txt", None), ("GET", "/hello.txt", None), ("POST", "/echo", b"posted body")):
    conn.request(method, path, body=body)
    response = conn.getresponse()
    data = response.read()
    print(response.status, response.getheader("Content-Length"), data.decode("utf-8"), flush=True)
conn.close()
