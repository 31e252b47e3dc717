import { type MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Kiwanda · Virtual factory' }];

export default function Home() {
  return (
    <section className="home">
      <h1>Kiwanda</h1>
      <p className="home__lead">
        The virtual factory of a make-to-order artisan network: orders in, work planned fairly across home-based
        workshops, made, inspected and paid by mobile money.
      </p>
    </section>
  );
}
