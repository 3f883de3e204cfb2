const { usersApi } = require('../../lib/server-appwrite');

export default async function handler(req, res) {
  const users = usersApi();
  const list = await users.list();
  res.status(200).json(list.users.map((u) => ({ id: u.$id, name: u.name })));
}
