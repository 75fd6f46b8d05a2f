import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { destroySession } from '~/auth/session.server'

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  throw redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await destroySession(request)
  return redirect('/', { headers: { 'Set-Cookie': cookie } })
}
