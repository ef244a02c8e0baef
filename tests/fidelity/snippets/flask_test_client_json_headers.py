"""The test client's json= and headers=: what the view receives and what comes back."""
from flask import Flask, request

app = Flask(__name__)


@app.post("/echo")
def echo():
    return {
        "json": request.get_json(),
        "raw": request.get_data(as_text=True),
        "content_type": request.content_type,
        "mimetype": request.mimetype,
        "content_length": request.content_length,
        "is_json": request.is_json,
        "token": request.headers.get("Authorization"),
    }


@app.put("/form")
def form():
    return {"form": request.form.to_dict(), "content_type": request.content_type, "data": request.get_data(as_text=True)}


client = app.test_client()
response = client.post("/echo", json={"username": "alice", "password": "wonderland", "n": [1, 2]}, headers={"Authorization": "Bearer t"})
print(response.status_code)
for key, value in response.get_json().items():
    print(key, "=", repr(value))
print(response.json == response.get_json(), response.is_json, response.text == response.data.decode())

response = client.post("/echo", json=["é", 1.0, None])
print(response.get_json()["raw"], response.get_json()["content_length"])

response = client.post("/echo", data='{"x": 1}', headers={"Content-Type": "application/json"})
print(response.get_json()["json"], response.get_json()["content_type"])

print(client.put("/form", data={"name": "bob", "age": "7"}).get_json())

try:
    client.post("/echo", json={"a": 1}, data="x")
except TypeError as error:
    print("TypeError:", error)
