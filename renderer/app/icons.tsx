import type { SVGProps } from 'react';

/**
 * The app's icons as inline SVG: they render the same everywhere, also on Linux without an emoji
 * font (where 🔗 or ✓ show as empty boxes). Stroke icons in currentColor, 1em square, decorative
 * (aria-hidden): the button or link around an icon carries the accessible name.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { title?: string };

function svg(paths: string[], name: string) {
  function Icon({ title, ...props }: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={`icon icon-${name}`}
        aria-hidden={title ? undefined : true}
        role={title ? 'img' : undefined}
        data-icon={name}
        {...props}
      >
        {title && <title>{title}</title>}
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  Icon.displayName = `Icon(${name})`;
  return Icon;
}

export const LinkIcon = svg(['M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7', 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'], 'link');
export const QuoteIcon = svg(['M7 7h4v4c0 3-1.5 5-4 6', 'M14 7h4v4c0 3-1.5 5-4 6'], 'quote');
export const CheckIcon = svg(['M5 12.5l4.5 4.5L19 7'], 'check');
export const CrossIcon = svg(['M6 6l12 12', 'M18 6L6 18'], 'cross');
export const ArrowUpIcon = svg(['M12 19V5', 'M6 11l6-6 6 6'], 'arrow-up');
export const ArrowDownIcon = svg(['M12 5v14', 'M6 13l6 6 6-6'], 'arrow-down');
export const IndentIcon = svg(['M4 6h16', 'M11 12h9', 'M11 18h9', 'M4 10l4 3-4 3'], 'indent');
export const OutdentIcon = svg(['M4 6h16', 'M11 12h9', 'M11 18h9', 'M8 10l-4 3 4 3'], 'outdent');
export const PlusIcon = svg(['M12 5v14', 'M5 12h14'], 'plus');
export const NoteIcon = svg(['M5 4h10l4 4v12H5z', 'M15 4v4h4', 'M8 12h8', 'M8 16h6'], 'note');
export const SortUpIcon = svg(['M7 14l5-5 5 5'], 'sort-up');
export const SortDownIcon = svg(['M7 10l5 5 5-5'], 'sort-down');
export const PairIcon = svg(['M4 12h16', 'M8 8l-4 4 4 4', 'M16 8l4 4-4 4'], 'pair');
export const TrashIcon = svg(['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'], 'trash');
export const BrandIcon = svg(['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'], 'brand');
