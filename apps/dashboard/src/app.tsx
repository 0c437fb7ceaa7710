import { useEffect, useState } from 'react';
import { token } from './graph/request.js';
import { useRoute, type View } from './route.js';
import { CycleView } from './views/cycle.js';
import { GovernmentView } from './views/government.js';
import { NationalView } from './views/national.js';
import { linkTo, type Nav } from './views/nav.js';
import { ProvinceView } from './views/province.js';
import { WORDS } from './words.js';

const TABS: readonly View[] = ['nasional', 'provinsi', 'pemerintah', 'siklus'];

/** Signed out by default (what the public sees); a pasted token shows what its role may see. */
function TokenBox({ label, hint, signOut }: { label: string; hint: string; signOut: string }) {
  const [value, setValue] = useState(token.get());
  return (
    <form
      className="token"
      onSubmit={(event) => {
        event.preventDefault();
        token.set(value.trim());
        location.reload();
      }}
    >
      <label>
        {label}
        <input
          type="password"
          value={value}
          placeholder={hint}
          autoComplete="off"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      {token.get() && (
        <button
          type="button"
          onClick={() => {
            token.set('');
            location.reload();
          }}
        >
          {signOut}
        </button>
      )}
    </form>
  );
}

export function App() {
  const [route, go, hrefOf] = useRoute();
  const nav: Nav = { route, go, hrefOf };
  const words = WORDS[route.lang];
  useEffect(() => {
    document.documentElement.lang = route.lang;
    document.title = words.title;
  }, [route.lang, words.title]);
  return (
    <>
      <header>
        <h1>{words.title}</h1>
        <nav aria-label={words.title}>
          {TABS.map((tab) => (
            <a
              key={tab}
              aria-current={route.view === tab ? 'page' : undefined}
              {...linkTo(nav, { view: tab })}
            >
              {words[tab]}
            </a>
          ))}
        </nav>
        <div className="tools">
          <a
            {...linkTo(nav, { lang: route.lang === 'id' ? 'en' : 'id' })}
            lang={route.lang === 'id' ? 'en' : 'id'}
          >
            {words.language}
          </a>
          <TokenBox label={words.token} hint={words.tokenHint} signOut={words.signOut} />
        </div>
      </header>
      <main>
        {route.view === 'nasional' && <NationalView nav={nav} words={words} />}
        {route.view === 'provinsi' && <ProvinceView nav={nav} words={words} />}
        {route.view === 'pemerintah' && <GovernmentView nav={nav} words={words} />}
        {route.view === 'siklus' && <CycleView nav={nav} words={words} />}
      </main>
    </>
  );
}
