import os

from appwrite.client import Client
from appwrite.id import ID
from appwrite.services.messaging import Messaging
from appwrite.services.users import Users


def main(context):
    client = (
        Client()
        .set_endpoint(os.environ["APPWRITE_FUNCTION_API_ENDPOINT"])
        .set_project(os.environ["APPWRITE_FUNCTION_PROJECT_ID"])
        .set_key(context.req.headers["x-appwrite-key"])
    )
    users = Users(client)
    messaging = Messaging(client)
    user = users.get(context.req.body_json["$id"])
    messaging.create_email(ID.unique(), "Welcome!", f"Hello {user['name']}", users=[user["$id"]])
    return context.res.json({"ok": True})
