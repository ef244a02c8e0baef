"""Redirects: strict slashes answer 308, redirect() answers 302, follow_redirects follows."""
from flask import Flask, redirect

app = Flask(__name__)


@app.get("/docs/")
def docs():
    return "the docs"


@app.get("/old")
def old():
    return redirect("/docs/")


@app.get("/moved")
def moved():
    return redirect("/docs/", code=301)


client = app.test_client()
response = client.get("/docs")
print(response.status, response.headers["Location"])
print(response.data.decode(), end="")
response = client.get("/docs?x=1")
print(response.status, response.headers["Location"])
response = client.get("/old")
print(response.status, response.headers["Location"], response.mimetype)
print(response.data.decode(), end="")
print(client.get("/moved").status)
response = client.get("/old", follow_redirects=True)
print(response.status, response.data, [r.status_code for r in response.history], response.request.path)
